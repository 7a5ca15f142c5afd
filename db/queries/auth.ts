/**
 * Data access for signing in and up: credential lookup and throttling counters (auth_throttle, also
 * used by join.ts through the `…In(q, …)` helpers). These run before a session exists, so they are
 * scoped by the email being tried, never listed.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { bare } from '@/db/engine/fragments';
import { int } from '@/db/engine/rows';
import type { Queryable } from '@/db/engine/types';
import { authThrottle, users } from '@/db/schema';
import { ROLES } from '@/lib/auth/session-user';
import { lockRemaining, recordFailure, SIGN_UP_LIMITS, type ThrottleLimits, type ThrottleRecord } from '@/lib/auth/throttle';

const credentialRow = z.object({ id: int, email: z.string(), name: z.string(), role: z.enum(ROLES), passwordHash: z.string(), sessionVersion: int });
export type Credentials = z.infer<typeof credentialRow>;

export async function findUserByEmail(email: string): Promise<Credentials | undefined> {
  const db = await engine();
  return db.get(
    sql`SELECT ${users.id} AS "id", ${users.email} AS "email", ${users.name} AS "name", ${users.role} AS "role",
          ${users.passwordHash} AS "passwordHash", ${users.sessionVersion} AS "sessionVersion"
        FROM ${users} WHERE ${users.email} = ${email}`,
    credentialRow,
  );
}

const throttleRow = z.object({ failures: int, windowStart: int, lockedUntil: int.nullable() });

/** The failure counter of one throttle key (an account, an address, a student's join attempts). */
export async function throttleRecordIn(q: Queryable, key: string): Promise<ThrottleRecord | undefined> {
  return q.get(
    sql`SELECT ${authThrottle.failures} AS "failures", ${authThrottle.windowStart} AS "windowStart", ${authThrottle.lockedUntil} AS "lockedUntil"
        FROM ${authThrottle} WHERE ${authThrottle.key} = ${key}`,
    throttleRow,
  );
}

/** Counts one more failure against `key` (read and write: run it inside a transaction). */
export async function recordThrottleFailureIn(q: Queryable, key: string, limits: ThrottleLimits, now: number): Promise<void> {
  const next = recordFailure(await throttleRecordIn(q, key), now, limits);
  await q.run(
    sql`INSERT INTO ${authThrottle} (${bare(authThrottle.key)}, ${bare(authThrottle.failures)}, ${bare(authThrottle.windowStart)}, ${bare(authThrottle.lockedUntil)})
        VALUES (${key}, ${next.failures}, ${next.windowStart}, CAST(${next.lockedUntil} AS bigint))
        ON CONFLICT (${bare(authThrottle.key)}) DO UPDATE SET ${bare(authThrottle.failures)} = excluded.${bare(authThrottle.failures)},
          ${bare(authThrottle.windowStart)} = excluded.${bare(authThrottle.windowStart)}, ${bare(authThrottle.lockedUntil)} = excluded.${bare(authThrottle.lockedUntil)}`,
  );
}

export async function throttleLockRemaining(keys: string[], now: number): Promise<number> {
  const db = await engine();
  const records = await Promise.all(keys.map((key) => throttleRecordIn(db, key)));
  return Math.max(0, ...records.map((record) => lockRemaining(record, now)));
}

export async function recordSignInFailure(entries: { key: string; limits: ThrottleLimits }[], now: number): Promise<void> {
  const db = await engine();
  await db.transaction(async (tx) => {
    for (const { key, limits } of entries) await recordThrottleFailureIn(tx, key, limits, now);
  });
}

/** A success forgets the account's failures (the IP's stay: one right guess shouldn't unlock spraying). */
export async function clearSignInFailures(key: string): Promise<void> {
  const db = await engine();
  await db.run(sql`DELETE FROM ${authThrottle} WHERE ${authThrottle.key} = ${key}`);
}

/** Milliseconds before this address may try to sign up again (0: now). */
export async function signUpLockRemaining(key: string, now: number): Promise<number> {
  return throttleLockRemaining([key], now);
}

/** A sign-up refused because the email is taken counts against the address it came from. */
export async function recordSignUpRefusal(key: string, now: number): Promise<void> {
  await recordSignInFailure([{ key, limits: SIGN_UP_LIMITS }], now);
}
