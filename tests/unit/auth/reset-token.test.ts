import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { hashResetToken, isResetTokenLive, newResetToken, RESET_TOKEN_PATTERN, RESET_TOKEN_TTL_MS } from '@/lib/auth/reset-token';

const T0 = Date.parse('2026-03-01T12:00:00Z');
const fixedBytes = (n: number) => Buffer.alloc(n, 7);

describe('newResetToken', () => {
  it('is 32 random bytes in base64url, stored as their SHA-256, valid for an hour', () => {
    const t = newResetToken(T0, fixedBytes);
    expect(t.token).toBe(Buffer.alloc(32, 7).toString('base64url'));
    expect(t.token).toMatch(RESET_TOKEN_PATTERN);
    expect(t.tokenHash).toBe(createHash('sha256').update(t.token).digest('hex'));
    expect(t.tokenHash).not.toContain(t.token);
    expect(t.createdAt).toBe(T0);
    expect(t.expiresAt).toBe(T0 + 60 * 60_000);
  });

  it('differs each time with the real random source', () => {
    const tokens = new Set(Array.from({ length: 50 }, () => newResetToken(T0).token));
    expect(tokens.size).toBe(50);
    for (const token of tokens) expect(token).toMatch(RESET_TOKEN_PATTERN);
  });
});

describe('hashResetToken', () => {
  it('is deterministic and hex', () => {
    expect(hashResetToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('isResetTokenLive', () => {
  const row = { expiresAt: T0 + RESET_TOKEN_TTL_MS };
  it.each([
    ['just issued', T0, true],
    ['59 minutes later', T0 + 59 * 60_000, true],
    ['one ms before expiry', T0 + RESET_TOKEN_TTL_MS - 1, true],
    ['at expiry', T0 + RESET_TOKEN_TTL_MS, false],
    ['a day later', T0 + 24 * 60 * 60_000, false],
  ])('%s → %s', (_label, at, live) => {
    expect(isResetTokenLive(row, at)).toBe(live);
  });
  it('an unknown token is never live', () => {
    expect(isResetTokenLive(undefined, T0)).toBe(false);
  });
});

describe('RESET_TOKEN_PATTERN', () => {
  it.each(['', 'short', 'a'.repeat(42), 'a'.repeat(44), `${'a'.repeat(42)}=`, `${'a'.repeat(42)}/`])('refuses %j', (s) => {
    expect(RESET_TOKEN_PATTERN.test(s)).toBe(false);
  });
});
