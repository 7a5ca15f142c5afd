import { describe, expect, it } from 'vitest';
import { formatJoinCode, generateJoinCode, JOIN_CODE_ALPHABET, normaliseJoinCode } from '@/lib/teach/join-code';

describe('join codes', () => {
  it('are 10 characters from an alphabet without look-alikes', () => {
    expect(JOIN_CODE_ALPHABET).toHaveLength(32);
    expect(JOIN_CODE_ALPHABET).not.toMatch(/[01IO]/);
    for (let i = 0; i < 200; i++) expect(generateJoinCode()).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
  });

  it('map each random byte to a letter uniformly (byte & 31)', () => {
    const bytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => i * 32 + i); // low 5 bits = i
    expect(generateJoinCode(bytes)).toBe(JOIN_CODE_ALPHABET.slice(0, 10));
  });

  it('are read back from typed or pasted forms', () => {
    expect(normaliseJoinCode(' k7wq3-mzp9d ')).toBe('K7WQ3MZP9D');
    expect(normaliseJoinCode('K7WQ3 MZP9D')).toBe('K7WQ3MZP9D');
    expect(normaliseJoinCode('http://localhost:3000/join/K7WQ3MZP9D')).toBe('K7WQ3MZP9D');
    expect(normaliseJoinCode('K7WQ3MZP9')).toBeNull();
    expect(normaliseJoinCode('K7WQ3MZP9O')).toBeNull(); // O is not in the alphabet
    expect(normaliseJoinCode("K7WQ3' OR 1")).toBeNull();
  });

  it('are shown in two halves', () => {
    expect(formatJoinCode('K7WQ3MZP9D')).toBe('K7WQ3-MZP9D');
  });
});
