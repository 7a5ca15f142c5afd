/**
 * Extensions on a real database (SQLite, or PostgreSQL in integration-on-pg): one student's later due date moves their status, their
 * studied-by-due count, their memory at the due date and their gradebook row, and nobody else's.
 *
 * Predicted recall uses FSRS-6 with default weights (see class-analytics.test.ts):
 *   R(9, 2) = 0.770764 (B: c1 reviewed on day 1, due day 10).
 * Timeline (days after T0): assignment (section s1: c1, c2, c3; no quiz or memory goal) created
 * at 0 and due at 10; A gets an extension to day 20; "now" is day 12 (past B's date, before A's).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { bare } from '@/db/engine/fragments';
import { assignmentExtensions, users } from '@/db/schema';
import { assignmentAnalyticsFor, gradebookFor } from '@/db/queries/class-analytics';
import { createAssignment, updateAssignment } from '@/db/queries/assignments';
import { createClass } from '@/db/queries/classes';
import { extensionsForAssignment, grantExtensions, removeExtension } from '@/db/queries/extensions';
import { assignmentsForStudent } from '@/db/queries/student-assignments';
import { recallAt } from '@/lib/scheduler/recall';
import { effectiveDueAt, extensionDateError, EXTENSION_MAX_MS } from '@/lib/teach/extensions';
import { countOf, exec, makeUser } from '../support/fixtures';
import { DAY, enroll, logReview, makeTinyDeck } from '../support/teach-fixtures';

const T0 = Date.parse('2026-03-02T00:00:00Z');
const at = (days: number) => T0 + days * DAY;
const DUE = at(10);
const EXTENDED = at(20);
const NOW = new Date(at(12));

let ids: { instructor: number; other: number; a: number; b: number; outsider: number; classId: number; assignmentId: number; card: Record<string, number> };

beforeAll(async () => {
  const instructor = await makeUser('instructor');
  const other = await makeUser('instructor');
  const [a, b, outsider] = [await makeUser(), await makeUser(), await makeUser()];
  await exec(sql`UPDATE ${users} SET ${bare(users.name)} = 'Ann A' WHERE ${users.id} = ${a.id}`);
  await exec(sql`UPDATE ${users} SET ${bare(users.name)} = 'Bob B' WHERE ${users.id} = ${b.id}`);
  const card = await makeTinyDeck('ext');
  const classId = await createClass(instructor.id, { name: 'Seminar', timeZone: 'UTC' }, new Date(at(-2)));
  const created = await createAssignment(instructor.id, classId, { deckId: 'ext', sectionKeys: ['s1'], dueAt: DUE, goalQuizScore: null, goalRecall: null }, new Date(T0));
  if (!('id' in created)) throw new Error(`assignment not created: ${created.error}`);
  await enroll(classId, a.id, at(-1));
  await enroll(classId, b.id, at(-1));
  // Both study c1 on day 1; after B's due date, A and B both study c2 and c3 (on day 11).
  for (const u of [a.id, b.id]) {
    await logReview(u, card.c1, at(1), { stateBefore: 0, rating: 3, stability: 2 });
    await logReview(u, card.c2, at(11), { stateBefore: 0, rating: 3, stability: 2 });
    await logReview(u, card.c3, at(11), { stateBefore: 0, rating: 3, stability: 2 });
  }
  ids = { instructor: instructor.id, other: other.id, a: a.id, b: b.id, outsider: outsider.id, classId, assignmentId: created.id, card };
});

async function rows() {
  const analytics = await assignmentAnalyticsFor(ids.instructor, ids.classId, ids.assignmentId, NOW);
  if (!analytics) throw new Error('no analytics');
  return new Map(analytics.students.map((s) => [s.userId, s]));
}

describe('the effective due date rule', () => {
  it.each([
    [DUE, null, DUE],
    [DUE, EXTENDED, EXTENDED],
    [EXTENDED, DUE, EXTENDED], // the class date moved past an extension: it never shortens anyone's time
  ])('assignment %i, extension %s → %i', (assignmentDue, extension, expected) => {
    expect(effectiveDueAt(assignmentDue, extension)).toBe(expected);
  });

  it.each([
    [DUE, 'not-later'],
    [DUE - 1, 'not-later'],
    [DUE + 1, null],
    [DUE + EXTENSION_MAX_MS, null],
    [DUE + EXTENSION_MAX_MS + 1, 'too-far'],
  ])('an extension to %i is %s', (dueAt, expected) => {
    expect(extensionDateError(dueAt, { dueAt: DUE, createdAt: T0 })).toBe(expected);
  });
});

describe('an extension for one student', () => {
  it('before it: both are late, with one item of three studied by the due date', async () => {
    const r = await rows();
    for (const id of [ids.a, ids.b]) expect(r.get(id)).toMatchObject({ status: 'late', dueAt: DUE, extended: false, studied: 3 });
    expect(r.get(ids.b)?.recallAtDue).toBeCloseTo(0.770764 / 3, 5);
  });

  it('moves A to done (everything studied by their date) and leaves B late', async () => {
    expect(await grantExtensions(ids.instructor, ids.assignmentId, [ids.a], EXTENDED, NOW)).toEqual({ granted: 1 });
    const r = await rows();
    expect(r.get(ids.a)).toMatchObject({ status: 'done', dueAt: EXTENDED, extended: true });
    expect(r.get(ids.b)).toMatchObject({ status: 'late', dueAt: DUE, extended: false });
  });

  it('predicts A’s memory at A’s date and B’s at B’s', async () => {
    const r = await rows();
    const expectedA = (recallAt(at(1), 2, EXTENDED, null) + 2 * recallAt(at(11), 2, EXTENDED, null)) / 3;
    expect(r.get(ids.a)?.recallAtDue).toBeCloseTo(expectedA, 6);
    expect(r.get(ids.b)?.recallAtDue).toBeCloseTo(0.770764 / 3, 5);
  });

  it('shows on the students’ own Today: A’s date and status change, B’s do not', async () => {
    const [mineA] = await assignmentsForStudent(ids.a, NOW);
    const [mineB] = await assignmentsForStudent(ids.b, NOW);
    expect(mineA).toMatchObject({ dueAt: EXTENDED, extended: true, status: 'done' });
    expect(mineA?.recallAtDue).toBeCloseTo((await rows()).get(ids.a)?.recallAtDue ?? -1, 9);
    expect(mineB).toMatchObject({ dueAt: DUE, extended: false, status: 'late' });
  });

  it('moves A’s gradebook row only', async () => {
    const book = await gradebookFor(ids.instructor, ids.classId, NOW);
    const grades = book?.grades.get(ids.assignmentId);
    expect(grades?.get(ids.a)).toMatchObject({ status: 'done', dueAt: EXTENDED });
    expect(grades?.get(ids.b)).toMatchObject({ status: 'late', dueAt: DUE });
  });

  it('measures A’s pace to A’s date: 12 of 20 days gone, against 12 of 10 for B', async () => {
    const r = await rows();
    expect(r.get(ids.a)?.expectedFraction).toBeCloseTo(12 / 20, 9);
    expect(r.get(ids.b)?.expectedFraction).toBe(1);
  });

  it('is listed for the instructor, and removing it puts A back on the class date', async () => {
    expect(await extensionsForAssignment(ids.instructor, ids.assignmentId)).toEqual([expect.objectContaining({ userId: ids.a, dueAt: EXTENDED, applies: true })]);
    expect(await extensionsForAssignment(ids.other, ids.assignmentId)).toEqual([]);
    expect(await removeExtension(ids.other, ids.assignmentId, ids.a)).toBe(false);
    expect(await removeExtension(ids.instructor, ids.assignmentId, ids.a)).toBe(true);
    expect((await rows()).get(ids.a)).toMatchObject({ status: 'late', dueAt: DUE, extended: false });
    expect(await removeExtension(ids.instructor, ids.assignmentId, ids.a)).toBe(false);
  });

  it('no longer applies once the class date moves past it', async () => {
    await grantExtensions(ids.instructor, ids.assignmentId, [ids.a], at(15), NOW);
    const moved = await updateAssignment(ids.instructor, ids.assignmentId, { deckId: 'ext', sectionKeys: ['s1'], dueAt: EXTENDED, goalQuizScore: null, goalRecall: null });
    expect(moved).toEqual({ classId: ids.classId });
    expect((await rows()).get(ids.a)).toMatchObject({ dueAt: EXTENDED, extended: false });
    expect(await extensionsForAssignment(ids.instructor, ids.assignmentId)).toEqual([expect.objectContaining({ userId: ids.a, applies: false })]);
    await updateAssignment(ids.instructor, ids.assignmentId, { deckId: 'ext', sectionKeys: ['s1'], dueAt: DUE, goalQuizScore: null, goalRecall: null });
    await removeExtension(ids.instructor, ids.assignmentId, ids.a);
  });
});

describe('refusals, all or nothing', () => {
  const count = () => countOf(sql`SELECT count(*) AS "n" FROM ${assignmentExtensions}`);

  it.each([
    ['another instructor', () => grantExtensions(ids.other, ids.assignmentId, [ids.a], EXTENDED, NOW), 'not-found'],
    ['a student not in the class, beside one who is', () => grantExtensions(ids.instructor, ids.assignmentId, [ids.a, ids.outsider], EXTENDED, NOW), 'not-enrolled'],
    ['a date not after the due date', () => grantExtensions(ids.instructor, ids.assignmentId, [ids.a], DUE, NOW), 'not-later'],
    ['a date more than a year later', () => grantExtensions(ids.instructor, ids.assignmentId, [ids.a], DUE + EXTENSION_MAX_MS + DAY, NOW), 'too-far'],
    ['an assignment that does not exist', () => grantExtensions(ids.instructor, 987654, [ids.a], EXTENDED, NOW), 'not-found'],
  ])('%s', async (_name, run, error) => {
    const before = await count();
    expect(await run()).toEqual({ error });
    expect(await count()).toBe(before);
  });
});
