/**
 * Password-reset tokens: 32 random bytes in the link, only their SHA-256 in the database (a copy
 * of the table opens no account), usable for an hour. Pure apart from the random source.
 */
import { createHash, randomBytes } from 'node:crypto';

export const RESET_TOKEN_BYTES = 32;
export const RESET_TOKEN_TTL_MS = 60 * 60_000;
// base64url of 32 bytes: 43 characters. Anything else in a link is refused before a lookup.
export const RESET_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function hashResetToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface NewResetToken {
  token: string;
  tokenHash: string;
  createdAt: number;
  expiresAt: number;
}

/** A new link token; email verification uses the same shape with a longer life (`ttlMs`). */
export function newResetToken(now: number, random: (n: number) => Buffer = randomBytes, ttlMs: number = RESET_TOKEN_TTL_MS): NewResetToken {
  const token = random(RESET_TOKEN_BYTES).toString('base64url');
  return { token, tokenHash: hashResetToken(token), createdAt: now, expiresAt: now + ttlMs };
}

/** A stored token may be used while `now` is before its expiry (the expiry instant itself is too late). */
export function isResetTokenLive(row: { expiresAt: number } | undefined, now: number): boolean {
  return !!row && now < row.expiresAt;
}
