/**
 * Email verification policy (issue 17): whether it is required (REQUIRE_EMAIL_VERIFICATION=1), how
 * long a link lives, how often a student may ask for another mail. Pure: the caller passes the env.
 */
import type { ThrottleLimits } from './throttle';

export const VERIFY_TOKEN_TTL_MS = 24 * 60 * 60_000;
// "Resend verification mail", per account: enough for a lost mail, too few to flood an inbox.
export const VERIFY_RESEND_LIMITS: ThrottleLimits = { maxFailures: 3, windowMs: 60 * 60_000, lockMs: 60 * 60_000 };

const TRUE = new Set(['1', 'true', 'yes', 'on']);

export function emailVerificationRequired(env: Record<string, string | undefined> = process.env): boolean {
  return TRUE.has((env.REQUIRE_EMAIL_VERIFICATION ?? '').trim().toLowerCase());
}

export const VERIFY_BEFORE_JOINING = 'Confirm your email address before you join a class: open the link in the mail we sent you.';
export const VERIFICATION_SENT = 'We have sent you a new link. It works for 24 hours; check your spam folder if nothing arrives.';
export const VERIFY_LINK_DEAD = 'This link has expired or was already used. Sign in and ask for a new one in Settings.';
