/**
 * A student joining a class by its code. Looking a code up is a guess, so every lookup that
 * finds nothing counts against the student (key `join:<userId>` in auth_throttle): after
 * JOIN_LIMITS.maxFailures wrong codes in the window the student is locked out for a while,
 * right codes included. A right code does not reset the count: otherwise a student could
 * interleave guesses with joins of a class they know.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { bare } from '@/db/engine/fragments';
import { flag, int } from '@/db/engine/rows';
import { classes, classInstructors, classRemovals, enrollments, users } from '@/db/schema';
import { lockRemaining, type ThrottleLimits } from '@/lib/auth/throttle';
import { normaliseJoinCode } from '@/lib/teach/join-code';
import { emailVerificationRequired, VERIFY_BEFORE_JOINING } from '@/lib/auth/email-verification';
import { recordThrottleFailureIn, throttleRecordIn } from './auth';

export const JOIN_LIMITS: ThrottleLimits = { maxFailures: 10, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

export interface JoinableClass {
  id: number;
  name: string;
  instructorName: string;
  joinCode: string;
  alreadyEnrolled: boolean;
}

export type JoinLookup =
  | { ok: true; class: JoinableClass }
  | { ok: false; reason: 'locked'; retryInMs: number }
  | { ok: false; reason: 'not-found' | 'archived' | 'own-class' | 'removed' | 'unverified' };

const throttleKey = (userId: number) => `join:${userId}`;

const byCodeRow = z.object({
  id: int,
  name: z.string(),
  joinCode: z.string(),
  instructorId: int,
  archivedAt: int.nullable(),
  instructorName: z.string(),
  enrolled: flag,
  removed: flag,
  verified: flag,
  coTeaches: flag,
});
const cl = alias(classes, 'cl');
const me = alias(users, 'me');

/** Milliseconds left on this student's join lock (0 = may try). */
export async function joinLockRemaining(userId: number, now: Date): Promise<number> {
  const db = await engine();
  return lockRemaining(await throttleRecordIn(db, throttleKey(userId)), now.getTime());
}

/** The class behind a typed or linked code, counting a wrong code as a failed attempt. */
export async function lookupJoinCode(userId: number, rawCode: string, now: Date): Promise<JoinLookup> {
  const retryInMs = await joinLockRemaining(userId, now);
  if (retryInMs > 0) return { ok: false, reason: 'locked', retryInMs };
  const db = await engine();
  const code = normaliseJoinCode(rawCode);
  const row =
    code === null
      ? undefined
      : await db.get(
          sql`SELECT ${cl.id} AS "id", ${cl.name} AS "name", ${cl.joinCode} AS "joinCode", ${cl.instructorId} AS "instructorId", ${cl.archivedAt} AS "archivedAt",
                ${users.name} AS "instructorName",
                EXISTS (SELECT 1 FROM ${enrollments} WHERE ${enrollments.classId} = ${cl.id} AND ${enrollments.userId} = ${userId}) AS "enrolled",
                EXISTS (SELECT 1 FROM ${classRemovals} WHERE ${classRemovals.classId} = ${cl.id} AND ${classRemovals.userId} = ${userId}) AS "removed",
                EXISTS (SELECT 1 FROM ${users} ${me} WHERE ${me.id} = ${userId} AND ${me.emailVerifiedAt} IS NOT NULL) AS "verified",
                EXISTS (SELECT 1 FROM ${classInstructors} WHERE ${classInstructors.classId} = ${cl.id} AND ${classInstructors.userId} = ${userId}) AS "coTeaches"
              FROM ${classes} ${cl} JOIN ${users} ON ${users.id} = ${cl.instructorId}
              WHERE ${cl.joinCode} = ${code}`,
          byCodeRow,
        );
  if (!row) {
    await db.transaction((tx) => recordThrottleFailureIn(tx, throttleKey(userId), JOIN_LIMITS, now.getTime()));
    return { ok: false, reason: 'not-found' };
  }
  if (row.archivedAt !== null) return { ok: false, reason: 'archived' };
  if (row.instructorId === userId || row.coTeaches) return { ok: false, reason: 'own-class' };
  // Removed by the instructor: the code and link no longer work for them until they are let back in.
  if (row.removed) return { ok: false, reason: 'removed' };
  // Issue 17: with verification required, an unconfirmed address may study but not join (a class
  // already joined stays joined).
  if (!row.enrolled && !row.verified && emailVerificationRequired()) return { ok: false, reason: 'unverified' };
  return {
    ok: true,
    class: { id: row.id, name: row.name, instructorName: row.instructorName, joinCode: row.joinCode, alreadyEnrolled: row.enrolled },
  };
}

/** Join the class behind the code; joining a class twice changes nothing. */
export async function joinClass(userId: number, rawCode: string, now: Date): Promise<JoinLookup> {
  const found = await lookupJoinCode(userId, rawCode, now);
  if (found.ok) {
    const db = await engine();
    await db.run(
      sql`INSERT INTO ${enrollments} (${bare(enrollments.classId)}, ${bare(enrollments.userId)}, ${bare(enrollments.joinedAt)})
          VALUES (${found.class.id}, ${userId}, ${now.getTime()}) ON CONFLICT DO NOTHING`,
    );
  }
  return found;
}

/** What to tell the student when a lookup did not find a joinable class. */
export function joinErrorMessage(result: Exclude<JoinLookup, { ok: true }>): string {
  switch (result.reason) {
    case 'locked': {
      const minutes = Math.max(1, Math.ceil(result.retryInMs / 60_000));
      return `Too many wrong codes. You can try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
    }
    case 'not-found':
      return 'No class has that code. Check it with your instructor; codes change when they are renewed.';
    case 'archived':
      return 'This class has been archived and no longer takes new students.';
    case 'own-class':
      return 'You teach this class, so you cannot join it as a student.';
    case 'removed':
      return 'Your instructor removed you from this class. Ask them to let you back in, then use the code again.';
    case 'unverified':
      return VERIFY_BEFORE_JOINING;
  }
}
