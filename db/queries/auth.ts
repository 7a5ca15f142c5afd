/**
 * Data access for signing in and up: credential lookup and throttling counters.
 * These run before a session exists, so they are scoped by the email being tried, never listed.
 */
import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import { authThrottle, users } from '@/db/schema';
import { lockRemaining, recordFailure, SIGN_UP_LIMITS, type ThrottleLimits } from '@/lib/auth/throttle';

const byEmail = db
  .select({ id: users.id, email: users.email, name: users.name, role: users.role, passwordHash: users.passwordHash, sessionVersion: users.sessionVersion })
  .from(users)
  .where(eq(users.email, sql.placeholder('email')))
  .prepare();

export function findUserByEmail(email: string) {
  return byEmail.get({ email });
}

const throttleRow = db.select().from(authThrottle).where(eq(authThrottle.key, sql.placeholder('key'))).prepare();

export function throttleLockRemaining(keys: string[], now: number): number {
  return Math.max(0, ...keys.map((key) => lockRemaining(throttleRow.get({ key }), now)));
}

export function recordSignInFailure(entries: { key: string; limits: ThrottleLimits }[], now: number): void {
  db.transaction((tx) => {
    for (const { key, limits } of entries) {
      const next = recordFailure(tx.select().from(authThrottle).where(eq(authThrottle.key, key)).get(), now, limits);
      tx.insert(authThrottle)
        .values({ key, ...next })
        .onConflictDoUpdate({ target: authThrottle.key, set: next })
        .run();
    }
  });
}

/** A success forgets the account's failures (the IP's stay: one right guess shouldn't unlock spraying). */
export function clearSignInFailures(key: string): void {
  db.delete(authThrottle).where(eq(authThrottle.key, key)).run();
}

/** Milliseconds before this address may try to sign up again (0: now). */
export function signUpLockRemaining(key: string, now: number): number {
  return throttleLockRemaining([key], now);
}

/** A sign-up refused because the email is taken counts against the address it came from. */
export function recordSignUpRefusal(key: string, now: number): void {
  recordSignInFailure([{ key, limits: SIGN_UP_LIMITS }], now);
}
