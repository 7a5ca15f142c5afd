/**
 * Sign-in throttling policy: how many failures a key (an account or an IP) may have in a window
 * before it is locked, and for how long. Pure: the caller stores the counters.
 */
export interface ThrottleRecord {
  failures: number;
  windowStart: number;
  lockedUntil: number | null;
}

export interface ThrottleLimits {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

export const ACCOUNT_LIMITS: ThrottleLimits = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
export const IP_LIMITS: ThrottleLimits = { maxFailures: 30, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
// Sign-ups refused because the email is taken, per address: enough for typos, too few to map who has an account.
export const SIGN_UP_LIMITS: ThrottleLimits = { maxFailures: 10, windowMs: 60 * 60_000, lockMs: 60 * 60_000 };
// Password-reset requests (each one counts, whether or not the email has an account): per email, so
// nobody's inbox is flooded; per address, so nobody sprays the form. Wrong reset links count per address.
export const RESET_ACCOUNT_LIMITS: ThrottleLimits = { maxFailures: 5, windowMs: 60 * 60_000, lockMs: 60 * 60_000 };
export const RESET_IP_LIMITS: ThrottleLimits = { maxFailures: 20, windowMs: 60 * 60_000, lockMs: 60 * 60_000 };

/** Milliseconds left on a lock, or 0 when the key may try. */
export function lockRemaining(record: ThrottleRecord | undefined, now: number): number {
  if (!record?.lockedUntil) return 0;
  return Math.max(0, record.lockedUntil - now);
}

/** The record after one more failure at `now`. */
export function recordFailure(record: ThrottleRecord | undefined, now: number, limits: ThrottleLimits): ThrottleRecord {
  const fresh = !record || now - record.windowStart > limits.windowMs;
  const failures = fresh ? 1 : record.failures + 1;
  const windowStart = fresh ? now : record.windowStart;
  const lockedUntil = failures >= limits.maxFailures ? now + limits.lockMs : null;
  return { failures, windowStart, lockedUntil };
}

const ATTEMPTS = { 'sign-in': 'failed sign-in attempts', 'sign-up': 'sign-up attempts', reset: 'password reset attempts', invitation: 'tries with invitation links' } as const;

export function lockMessage(remainingMs: number, what: keyof typeof ATTEMPTS = 'sign-in'): string {
  const minutes = Math.max(1, Math.ceil(remainingMs / 60_000));
  const attempts = ATTEMPTS[what];
  return `Too many ${attempts}. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}
