/**
 * Class join codes: long enough that guessing one is hopeless, short enough to read aloud.
 * 10 characters from a 32-letter alphabet without look-alikes (no 0/O, 1/I) = 50 random bits;
 * with join attempts throttled to 10 wrong codes per 15 minutes, guessing any one of even
 * thousands of live codes would take millions of years.
 */
import { randomBytes } from 'node:crypto';

export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 10;

/**
 * A fresh random code. 32 divides 256, so `byte & 31` picks each letter uniformly.
 * @example generateJoinCode() // 'K7WQ3MZP9D'
 */
export function generateJoinCode(random: (n: number) => Uint8Array = randomBytes): string {
  return Array.from(random(JOIN_CODE_LENGTH), (b) => JOIN_CODE_ALPHABET[b & 31]).join('');
}

/**
 * What a person typed or pasted, as a stored code: case, spaces and dashes don't matter,
 * and a pasted join link works too. Returns null when it cannot be a code.
 * @example normaliseJoinCode(' k7wq3-mzp9d ') // 'K7WQ3MZP9D'
 * @example normaliseJoinCode('https://recall.example/join/K7WQ3MZP9D') // 'K7WQ3MZP9D'
 */
export function normaliseJoinCode(raw: string): string | null {
  const tail = raw.trim().split('/').filter(Boolean).pop() ?? '';
  const code = tail.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== JOIN_CODE_LENGTH) return null;
  for (const ch of code) if (!JOIN_CODE_ALPHABET.includes(ch)) return null;
  return code;
}

/**
 * The code split in two halves for reading.
 * @example formatJoinCode('K7WQ3MZP9D') // 'K7WQ3-MZP9D'
 */
export function formatJoinCode(code: string): string {
  const half = Math.ceil(code.length / 2);
  return `${code.slice(0, half)}-${code.slice(half)}`;
}
