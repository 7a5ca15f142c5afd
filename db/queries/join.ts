/**
 * A student joining a class by its code. Looking a code up is a guess, so every lookup that
 * finds nothing counts against the student (key `join:<userId>` in auth_throttle): after
 * JOIN_LIMITS.maxFailures wrong codes in the window the student is locked out for a while,
 * right codes included. A right code does not reset the count: otherwise a student could
 * interleave guesses with joins of a class they know.
 */
import 'server-only';
import { db } from '@/db';
import { lockRemaining, recordFailure, type ThrottleLimits, type ThrottleRecord } from '@/lib/auth/throttle';
import { normaliseJoinCode } from '@/lib/teach/join-code';
import { emailVerificationRequired, VERIFY_BEFORE_JOINING } from '@/lib/auth/email-verification';

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

const throttleRow = db.$client.prepare<{ key: string }, ThrottleRecord>(
  'SELECT failures, window_start AS windowStart, locked_until AS lockedUntil FROM auth_throttle WHERE key = @key',
);
const upsertThrottle = db.$client.prepare<{ key: string } & ThrottleRecord>(`
  INSERT INTO auth_throttle (key, failures, window_start, locked_until) VALUES (@key, @failures, @windowStart, @lockedUntil)
  ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, window_start = excluded.window_start, locked_until = excluded.locked_until
`);

const recordWrongCode = db.$client.transaction((key: string, now: number) => {
  upsertThrottle.run({ key, ...recordFailure(throttleRow.get({ key }), now, JOIN_LIMITS) });
});

const byCode = db.$client.prepare<{ code: string; userId: number }, Omit<JoinableClass, 'alreadyEnrolled'> & { instructorId: number; archivedAt: number | null; enrolled: number; removed: number; verified: number; coTeaches: number }>(`
  SELECT cl.id, cl.name, cl.join_code AS joinCode, cl.instructor_id AS instructorId, cl.archived_at AS archivedAt, u.name AS instructorName,
         EXISTS (SELECT 1 FROM enrollments e WHERE e.class_id = cl.id AND e.user_id = @userId) AS enrolled,
         EXISTS (SELECT 1 FROM class_removals r WHERE r.class_id = cl.id AND r.user_id = @userId) AS removed,
         EXISTS (SELECT 1 FROM users me WHERE me.id = @userId AND me.email_verified_at IS NOT NULL) AS verified,
         EXISTS (SELECT 1 FROM class_instructors ci WHERE ci.class_id = cl.id AND ci.user_id = @userId) AS coTeaches
  FROM classes cl JOIN users u ON u.id = cl.instructor_id
  WHERE cl.join_code = @code
`);

/** Milliseconds left on this student's join lock (0 = may try). */
export function joinLockRemaining(userId: number, now: Date): number {
  return lockRemaining(throttleRow.get({ key: throttleKey(userId) }), now.getTime());
}

/** The class behind a typed or linked code, counting a wrong code as a failed attempt. */
export function lookupJoinCode(userId: number, rawCode: string, now: Date): JoinLookup {
  const retryInMs = joinLockRemaining(userId, now);
  if (retryInMs > 0) return { ok: false, reason: 'locked', retryInMs };
  const code = normaliseJoinCode(rawCode);
  const row = code === null ? undefined : byCode.get({ code, userId });
  if (!row) {
    recordWrongCode(throttleKey(userId), now.getTime());
    return { ok: false, reason: 'not-found' };
  }
  if (row.archivedAt !== null) return { ok: false, reason: 'archived' };
  if (row.instructorId === userId || row.coTeaches === 1) return { ok: false, reason: 'own-class' };
  // Removed by the instructor: the code and link no longer work for them until they are let back in.
  if (row.removed === 1) return { ok: false, reason: 'removed' };
  // Issue 17: with verification required, an unconfirmed address may study but not join (a class
  // already joined stays joined).
  if (row.enrolled !== 1 && row.verified !== 1 && emailVerificationRequired()) return { ok: false, reason: 'unverified' };
  return {
    ok: true,
    class: { id: row.id, name: row.name, instructorName: row.instructorName, joinCode: row.joinCode, alreadyEnrolled: row.enrolled === 1 },
  };
}

const enrollStmt = db.$client.prepare<{ classId: number; userId: number; now: number }>(
  'INSERT INTO enrollments (class_id, user_id, joined_at) VALUES (@classId, @userId, @now) ON CONFLICT DO NOTHING',
);

/** Join the class behind the code; joining a class twice changes nothing. */
export function joinClass(userId: number, rawCode: string, now: Date): JoinLookup {
  const found = lookupJoinCode(userId, rawCode, now);
  if (found.ok) enrollStmt.run({ classId: found.class.id, userId, now: now.getTime() });
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
