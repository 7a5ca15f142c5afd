import { describe, expect, it } from 'vitest';
import { ACCOUNT_LIMITS, lockMessage, lockRemaining, recordFailure } from '@/lib/auth/throttle';
import { signUpSchema } from '@/lib/validation/auth';
import { safeCallbackPath } from '@/lib/validation/callback-path';

const T = 1_750_000_000_000;

describe('sign-in throttling', () => {
  it('locks an account after five failures within the window, for fifteen minutes', () => {
    let record = undefined as ReturnType<typeof recordFailure> | undefined;
    for (let i = 0; i < 4; i++) record = recordFailure(record, T + i * 1000, ACCOUNT_LIMITS);
    expect(lockRemaining(record, T + 5000)).toBe(0);
    record = recordFailure(record, T + 5000, ACCOUNT_LIMITS);
    expect(lockRemaining(record, T + 5000)).toBe(15 * 60_000);
    expect(lockRemaining(record, T + 5000 + 15 * 60_000)).toBe(0);
  });

  it('starts a new window once the old one has passed', () => {
    let record = recordFailure(undefined, T, ACCOUNT_LIMITS);
    for (let i = 0; i < 3; i++) record = recordFailure(record, T + i, ACCOUNT_LIMITS);
    record = recordFailure(record, T + 16 * 60_000, ACCOUNT_LIMITS);
    expect(record).toEqual({ failures: 1, windowStart: T + 16 * 60_000, lockedUntil: null });
  });

  it('says how long to wait, in whole minutes', () => {
    expect(lockMessage(61_000)).toBe('Too many failed sign-in attempts. Try again in 2 minutes.');
    expect(lockMessage(10_000)).toBe('Too many failed sign-in attempts. Try again in 1 minute.');
  });
});

describe('account input rules', () => {
  it('only redirects to same-site paths after sign-in', () => {
    expect(safeCallbackPath('/progress?x=1')).toBe('/progress?x=1');
    expect(safeCallbackPath('//evil.example/x')).toBe('/today');
    expect(safeCallbackPath('https://evil.example')).toBe('/today');
    expect(safeCallbackPath('/\\evil.example')).toBe('/today');
    expect(safeCallbackPath(undefined)).toBe('/today');
  });

  it('normalises the email and enforces the password length', () => {
    const ok = signUpSchema.safeParse({ name: ' Ada ', email: ' Ada@Example.COM ', password: 'k9#vRt2!qZ' });
    expect(ok.success && ok.data).toMatchObject({ name: 'Ada', email: 'ada@example.com' });
    const short = signUpSchema.safeParse({ name: 'Ada', email: 'ada@example.com', password: 'k9#vRt2!q' });
    expect(short.success).toBe(false);
    const huge = signUpSchema.safeParse({ name: 'A'.repeat(1_000_000), email: 'ada@example.com', password: 'k9#vRt2!qZ' });
    expect(huge.success).toBe(false);
    const wrongType = signUpSchema.safeParse({ name: 42, email: ['a'], password: null });
    expect(wrongType.success).toBe(false);
  });
});
