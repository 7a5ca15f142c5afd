/**
 * A student's classes (issue 16 item 8): the list, leaving (enrolment gone, history kept, the
 * code works again, unlike after a removal), and a late assignment leaving Today after a week
 * in the class's time zone while it stays listed under the class.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { bare } from '@/db/engine/fragments';
import { classes, reviewLogs, users } from '@/db/schema';
import { createAssignment } from '@/db/queries/assignments';
import { createClass, removeStudent } from '@/db/queries/classes';
import { joinClass } from '@/db/queries/join';
import { assignmentsForStudent } from '@/db/queries/student-assignments';
import { classesOfStudent, leaveClass } from '@/db/queries/student-classes';
import { showsOnToday } from '@/lib/teach/late-assignments';
import { countOf, exec, makeUser } from '../support/fixtures';
import { DAY, enroll, logReview, makeTinyDeck, type TinyDeck } from '../support/teach-fixtures';

const T0 = Date.parse('2026-11-02T12:00:00Z');
const at = (days: number) => T0 + days * DAY;
let instructor: Awaited<ReturnType<typeof makeUser>>;
let card: TinyDeck;

async function codeOf(id: number): Promise<string> {
  const row = await (await engine()).get(sql`SELECT ${classes.joinCode} AS "c" FROM ${classes} WHERE ${classes.id} = ${id}`, z.object({ c: z.string() }));
  if (!row) throw new Error(`no class ${id}`);
  return row.c;
}
function reviewsOf(userId: number): Promise<number> {
  return countOf(sql`SELECT count(*) AS "n" FROM ${reviewLogs} WHERE ${reviewLogs.userId} = ${userId}`);
}
async function assign(classId: number, dueAt: number): Promise<number> {
  const made = await createAssignment(instructor.id, classId, { deckId: 'tiny-classes', sectionKeys: null, dueAt, goalQuizScore: null, goalRecall: null }, new Date(at(-10)));
  if (!('id' in made)) throw new Error(made.error);
  return made.id;
}

beforeAll(async () => {
  instructor = await makeUser('instructor');
  await exec(sql`UPDATE ${users} SET ${bare(users.name)} = 'Dr Ada Lee' WHERE ${users.id} = ${instructor.id}`);
  card = await makeTinyDeck('tiny-classes');
});

describe('the classes a student is in', () => {
  it('lists name, instructor and assignment count, not archived classes nor other students’ classes', async () => {
    const student = await makeUser();
    const other = await makeUser();
    const seminar = await createClass(instructor.id, { name: 'Seminar', timeZone: 'UTC' }, new Date(at(-20)));
    const archived = await createClass(instructor.id, { name: 'Old class', timeZone: 'UTC' }, new Date(at(-20)));
    const notMine = await createClass(instructor.id, { name: 'Elsewhere', timeZone: 'UTC' }, new Date(at(-20)));
    await assign(seminar, at(3));
    await assign(seminar, at(9));
    await enroll(seminar, student.id, at(-5));
    await enroll(archived, student.id, at(-5));
    await enroll(notMine, other.id, at(-5));
    await exec(sql`UPDATE ${classes} SET ${bare(classes.archivedAt)} = ${at(-1)} WHERE ${classes.id} = ${archived}`);
    expect(await classesOfStudent(student.id)).toEqual([{ id: seminar, name: 'Seminar', instructorName: 'Dr Ada Lee', timeZone: 'UTC', joinedAt: at(-5), assignments: 2 }]);
  });

  it('leaving removes the enrolment only; the code lets the student back in (a removed one it does not)', async () => {
    const student = await makeUser();
    const removed = await makeUser();
    const classId = await createClass(instructor.id, { name: 'Leavers', timeZone: 'UTC' }, new Date(at(-20)));
    await assign(classId, at(3));
    expect((await joinClass(student.id, await codeOf(classId), new Date(at(-3)))).ok).toBe(true);
    expect((await joinClass(removed.id, await codeOf(classId), new Date(at(-3)))).ok).toBe(true);
    await logReview(student.id, card.c1, at(-2), { stateBefore: 0, rating: 3, stability: 2 });

    expect(await leaveClass(student.id, classId)).toBe(true);
    expect(await leaveClass(student.id, classId)).toBe(false); // not in it any more: nothing to do
    expect((await classesOfStudent(student.id)).map((c) => c.id)).not.toContain(classId);
    expect(await assignmentsForStudent(student.id, new Date(at(0)))).toEqual([]);
    expect(await reviewsOf(student.id)).toBe(1);

    expect(await joinClass(student.id, await codeOf(classId), new Date(at(0)))).toMatchObject({ ok: true, class: { id: classId } });
    expect((await classesOfStudent(student.id)).map((c) => c.id)).toContain(classId);

    expect(await removeStudent(instructor.id, classId, removed.id, new Date(at(0)))).toBe(true);
    expect(await joinClass(removed.id, await codeOf(classId), new Date(at(0)))).toEqual({ ok: false, reason: 'removed' });
  });

  it('a student cannot leave a class by id that they are not in, and another student stays enrolled', async () => {
    const a = await makeUser();
    const b = await makeUser();
    const classId = await createClass(instructor.id, { name: 'Shared', timeZone: 'UTC' }, new Date(at(-20)));
    await enroll(classId, b.id, at(-1));
    expect(await leaveClass(a.id, classId)).toBe(false);
    expect((await classesOfStudent(b.id)).map((c) => c.id)).toEqual([classId]);
  });
});

describe('late assignments on Today', () => {
  it('hides an unfinished assignment more than a week past due (in the class’s zone), which stays under the class', async () => {
    const student = await makeUser('student', 'Europe/London');
    // Due 2026-10-28 12:00 EDT in New York (16:00Z); the clocks go back on 2026-11-01, so a week later is 2026-11-04 12:00 EST = 17:00Z.
    const classId = await createClass(instructor.id, { name: 'New York', timeZone: 'America/New_York' }, new Date(at(-40)));
    const dueAt = Date.parse('2026-10-28T16:00:00Z');
    const id = await assign(classId, dueAt);
    await enroll(classId, student.id, at(-30));
    const today = async (now: number) => (await assignmentsForStudent(student.id, new Date(now))).filter((a) => showsOnToday(a, now)).map((a) => a.id);

    const [mine] = await assignmentsForStudent(student.id, new Date(dueAt + 7 * DAY));
    expect(mine).toMatchObject({ id, classId, classTimeZone: 'America/New_York', status: 'late' });
    expect(await today(dueAt + 7 * DAY + 60_000)).toEqual([id]);
    expect(await today(dueAt + 7 * DAY + 3_600_000)).toEqual([id]);
    expect(await today(dueAt + 7 * DAY + 3_660_000)).toEqual([]);
    // Still listed under the class.
    expect((await assignmentsForStudent(student.id, new Date(dueAt + 30 * DAY))).map((a) => a.id)).toEqual([id]);
  });
});
