/** Joining a class by code: normalised codes, twice is harmless, archived and renewed codes, and the wrong-code lock. */
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { int } from '@/db/engine/rows';
import { classes, enrollments } from '@/db/schema';
import { createClass, letStudentBackIn, regenerateJoinCode, removedStudentsForInstructor, removeStudent, setClassArchived } from '@/db/queries/classes';
import { JOIN_LIMITS, joinClass, joinLockRemaining, lookupJoinCode } from '@/db/queries/join';
import { countOf, makeUser } from '../support/fixtures';

const T = new Date('2026-03-02T09:00:00Z');
const later = (minutes: number) => new Date(T.getTime() + minutes * 60_000);
let instructor: Awaited<ReturnType<typeof makeUser>>;
let classId: number;

async function codeOf(id: number): Promise<string> {
  const row = await (await engine()).get(sql`SELECT ${classes.joinCode} AS "c" FROM ${classes} WHERE ${classes.id} = ${id}`, z.object({ c: z.string() }));
  if (!row) throw new Error(`no class ${id}`);
  return row.c;
}
function enrolled(userId: number): Promise<number> {
  return countOf(sql`SELECT count(*) AS "n" FROM ${enrollments} WHERE ${enrollments.classId} = ${classId} AND ${enrollments.userId} = ${userId}`);
}

beforeAll(async () => {
  instructor = await makeUser('instructor');
  classId = await createClass(instructor.id, { name: 'Seminar', timeZone: 'UTC' }, T);
});

describe('joining', () => {
  it('accepts the code in any case, with a dash or as a pasted link, and joining twice is harmless', async () => {
    const student = await makeUser();
    const code = await codeOf(classId);
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
    const found = await lookupJoinCode(student.id, `${code.slice(0, 5).toLowerCase()}-${code.slice(5)}`, T);
    expect(found).toMatchObject({ ok: true, class: { id: classId, name: 'Seminar', instructorName: instructor.name, alreadyEnrolled: false } });
    expect((await joinClass(student.id, `https://recall.example/join/${code}`, T)).ok).toBe(true);
    expect((await joinClass(student.id, code, later(5))).ok).toBe(true);
    expect(await enrolled(student.id)).toBe(1);
    expect(await lookupJoinCode(student.id, code, T)).toMatchObject({ ok: true, class: { alreadyEnrolled: true } });
    // The first join time stays.
    const joined = await (await engine()).get(sql`SELECT ${enrollments.joinedAt} AS "t" FROM ${enrollments} WHERE ${enrollments.userId} = ${student.id}`, z.object({ t: int }));
    expect(joined?.t).toBe(T.getTime());
  });

  it('an old code stops working once renewed; an archived class cannot be joined', async () => {
    const student = await makeUser();
    const old = await codeOf(classId);
    const fresh = await regenerateJoinCode(instructor.id, classId);
    expect(fresh).not.toBe(old);
    expect(await lookupJoinCode(student.id, old, T)).toEqual({ ok: false, reason: 'not-found' });
    await setClassArchived(instructor.id, classId, true, T);
    expect(await joinClass(student.id, fresh ?? '', T)).toEqual({ ok: false, reason: 'archived' });
    expect(await enrolled(student.id)).toBe(0);
    await setClassArchived(instructor.id, classId, false, T);
    expect((await joinClass(student.id, fresh ?? '', T)).ok).toBe(true);
  });

  it('a removed student cannot rejoin with the code or link until the instructor lets them back in', async () => {
    const student = await makeUser();
    const other = await makeUser('instructor');
    const code = await codeOf(classId);
    expect((await joinClass(student.id, code, T)).ok).toBe(true);
    expect(await removeStudent(instructor.id, classId, student.id, later(10))).toBe(true);
    expect(await enrolled(student.id)).toBe(0);
    expect(await joinClass(student.id, code, later(11))).toEqual({ ok: false, reason: 'removed' });
    expect(await joinClass(student.id, `https://recall.example/join/${code}`, later(11))).toEqual({ ok: false, reason: 'removed' });
    expect(await enrolled(student.id)).toBe(0);
    expect(await removedStudentsForInstructor(instructor.id, classId)).toEqual([{ userId: student.id, name: student.name, email: student.email, removedAt: later(10).getTime() }]);
    // Only the class's instructor sees them or lets them back in.
    expect(await removedStudentsForInstructor(other.id, classId)).toEqual([]);
    expect(await letStudentBackIn(other.id, classId, student.id)).toBe(false);
    expect(await joinClass(student.id, code, later(12))).toEqual({ ok: false, reason: 'removed' });
    expect(await letStudentBackIn(instructor.id, classId, student.id)).toBe(true);
    expect(await removedStudentsForInstructor(instructor.id, classId)).toEqual([]);
    expect((await joinClass(student.id, code, later(13))).ok).toBe(true);
    expect(await enrolled(student.id)).toBe(1);
  });

  it('an instructor cannot join their own class as a student', async () => {
    expect(await joinClass(instructor.id, await codeOf(classId), T)).toEqual({ ok: false, reason: 'own-class' });
  });

  it('another instructor cannot renew or archive the class', async () => {
    const other = await makeUser('instructor');
    const code = await codeOf(classId);
    expect(await regenerateJoinCode(other.id, classId)).toBeNull();
    expect(await setClassArchived(other.id, classId, true, T)).toBe(false);
    expect(await codeOf(classId)).toBe(code);
  });
});

describe('the wrong-code lock', () => {
  it(`locks a student after ${JOIN_LIMITS.maxFailures} wrong codes, right codes included, until the lock ends`, async () => {
    const student = await makeUser();
    const right = await codeOf(classId);
    for (let i = 0; i < JOIN_LIMITS.maxFailures - 1; i++) expect(await lookupJoinCode(student.id, 'ZZZZZZZZZZ', later(i))).toEqual({ ok: false, reason: 'not-found' });
    // A right code in between neither counts nor resets the count.
    expect((await lookupJoinCode(student.id, right, later(9))).ok).toBe(true);
    expect(await lookupJoinCode(student.id, 'not even a code', later(10))).toEqual({ ok: false, reason: 'not-found' });
    expect(await joinLockRemaining(student.id, later(10))).toBe(JOIN_LIMITS.lockMs);
    expect(await joinClass(student.id, right, later(11))).toMatchObject({ ok: false, reason: 'locked' });
    expect(await enrolled(student.id)).toBe(0);
    // Another student is not affected.
    const friend = await makeUser();
    expect((await joinClass(friend.id, right, later(11))).ok).toBe(true);
    // After the lock, the student may try again.
    expect((await joinClass(student.id, right, later(10 + 15))).ok).toBe(true);
  });
});

describe('the review queue with an assignment', () => {
  it('puts the assigned sections’ new items first for an enrolled student', async () => {
    const { makeTinyDeck, enroll } = await import('../support/teach-fixtures');
    const { createAssignment } = await import('@/db/queries/assignments');
    const { deckQueueFor } = await import('@/db/queries/study');
    const card = await makeTinyDeck('queue-deck', instructor.id);
    const student = await makeUser();
    const outsider = await makeUser();
    const cls = await createClass(instructor.id, { name: 'Queue', timeZone: 'UTC' }, T);
    expect(await createAssignment(instructor.id, cls, { deckId: 'queue-deck', sectionKeys: ['s2'], dueAt: later(60 * 24 * 7).getTime(), goalQuizScore: null, goalRecall: null }, T)).toHaveProperty('id');
    await enroll(cls, student.id, T.getTime());
    const queue = await deckQueueFor(student.id, 'queue-deck', T);
    expect(queue?.queue.new.map((c) => c.cardId).slice(0, 2)).toEqual([card.c4, card.c5]);
    // The instructor's private deck is visible to the enrolled student only.
    expect(await deckQueueFor(outsider.id, 'queue-deck', T)).toBeNull();
  });
});
