/**
 * Deleting one's account (issue 17), on either engine. The main check is generic: for every
 * table of db/schema.ts with a foreign key to users, the fixture must have written a row of the
 * user (so a table added later fails here until this fixture, and the deletion, cover it) and no
 * row of the user may remain afterwards. Other students' rows and class counts stay as they were.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { getTableColumns, is, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { bare } from '@/db/engine/fragments';
import { int } from '@/db/engine/rows';
import * as schema from '@/db/schema';
import { deleteOwnAccount, deletionBlockersOf } from '@/db/queries/account-deletion';
import { createClass, setClassArchived } from '@/db/queries/classes';
import { createAssignment } from '@/db/queries/assignments';
import { assignmentAnalyticsFor } from '@/db/queries/class-analytics';
import { createSession } from '@/db/queries/sessions';
import { describeBlockers } from '@/lib/auth/account-deletion';
import { countOf, exec, makeUser } from '../support/fixtures';
import { DAY, enroll, logReview, makeTinyDeck, quizAttempt } from '../support/teach-fixtures';

const T0 = Date.parse('2026-03-02T00:00:00Z');
const at = (days: number) => T0 + days * DAY;
const PASSWORD = 'integration-pass';

function tables(): SQLiteTable[] {
  return (Object.values(schema) as unknown[]).filter((value): value is SQLiteTable => is(value, SQLiteTable));
}

/** Every (table, column) that refers to users.id. */
function userReferences(): { table: string; column: string }[] {
  const out: { table: string; column: string }[] = [];
  for (const value of tables()) {
    const config = getTableConfig(value);
    for (const fk of config.foreignKeys) {
      const ref = fk.reference();
      if (getTableConfig(ref.foreignTable).name !== 'users') continue;
      for (const col of ref.columns) out.push({ table: config.name, column: col.name });
    }
  }
  return out;
}

/**
 * Every foreign key of db/schema.ts with a row whose reference points at no row, as "table.column":
 * the same check on both engines (SQLite's PRAGMA foreign_key_check has no PostgreSQL spelling).
 */
async function danglingReferences(): Promise<string[]> {
  const out: string[] = [];
  for (const table of tables()) {
    const config = getTableConfig(table);
    for (const fk of config.foreignKeys) {
      const ref = fk.reference();
      const parent = getTableConfig(ref.foreignTable).name;
      const on = ref.columns.map((col, k) => sql`p.${sql.identifier(ref.foreignColumns[k]!.name)} = c.${sql.identifier(col.name)}`);
      const n = await countOf(
        sql`SELECT count(*) AS "n" FROM ${sql.identifier(config.name)} c LEFT JOIN ${sql.identifier(parent)} p ON ${sql.join(on, sql` AND `)}
            WHERE ${sql.join(ref.columns.map((col) => sql`c.${sql.identifier(col.name)} IS NOT NULL`), sql` AND `)}
              AND p.${sql.identifier(ref.foreignColumns[0]!.name)} IS NULL`,
      );
      if (n > 0) out.push(`${config.name}.${ref.columns.map((col) => col.name).join(',')}`);
    }
  }
  return out;
}

const rowsOf = (table: string, column: string, userId: number) =>
  countOf(sql`SELECT count(*) AS "n" FROM ${sql.identifier(table)} WHERE ${sql.identifier(column)} = ${userId}`);

/** One row into `table`, by schema column name (a value may be a SQL fragment, e.g. fragments.bool). */
function insert(table: SQLiteTable, row: Record<string, unknown>): Promise<{ changes: number }> {
  const columns = getTableColumns(table);
  const names = Object.keys(row);
  const column = (name: string) => {
    const c = columns[name];
    if (!c) throw new Error(`${getTableConfig(table).name} has no column ${name}`);
    return bare(c);
  };
  const values: SQL[] = names.map((name) => sql`${row[name]}`);
  return exec(sql`INSERT INTO ${table} (${sql.join(names.map(column), sql`, `)}) VALUES (${sql.join(values, sql`, `)})`);
}

async function rowsOfEach(userId: number): Promise<number[]> {
  const out: number[] = [];
  for (const { table, column } of userReferences()) out.push(await rowsOf(table, column, userId));
  return out;
}

// Rows a deletable user can never have: owning a deck blocks the deletion (tested below).
const NEVER_FOR_A_DELETABLE_USER = new Set(['decks.owner_id']);

let ids: Awaited<ReturnType<typeof setup>>;

async function setup() {
  const teacher = await makeUser('instructor');
  const student = await makeUser();
  const classmate = await makeUser();
  const deck = await makeTinyDeck('del-deck');
  const classId = await createClass(teacher.id, { name: 'Seminar', timeZone: 'UTC' }, new Date(at(-2)));
  const made = await createAssignment(teacher.id, classId, { deckId: 'del-deck', sectionKeys: ['s1'], dueAt: at(10), goalQuizScore: 80, goalRecall: null }, new Date(T0));
  if (!('id' in made)) throw new Error(made.error);
  const e = await engine();
  const f = e.fragments;
  const { quizAnswers: qa, reviewLogs: rl } = schema;
  for (const u of [student, classmate]) {
    await enroll(classId, u.id, at(-1));
    await logReview(u.id, deck.c1, at(1), { stateBefore: 0, rating: 3, stability: 2 });
    await logReview(u.id, deck.c2, at(2), { stateBefore: 0, rating: 1, stability: 1 });
    const attempt = await quizAttempt(u.id, 'del-deck', at(3), [{ cardId: deck.c4, correct: false }], 1, made.id);
    const answer = await e.get(sql`SELECT ${qa.id} AS "id" FROM ${qa} WHERE ${qa.attemptId} = ${attempt}`, z.object({ id: int }));
    if (!answer) throw new Error('the quiz answer is missing');
    // The quiz answer's review log row, as the quiz writes it.
    await logReview(u.id, deck.c4, at(3), { stateBefore: 0, rating: 1, stability: 1, source: 'quiz' });
    const log = await e.get(sql`SELECT max(${rl.id}) AS "id" FROM ${rl} WHERE ${rl.userId} = ${u.id}`, z.object({ id: int }));
    await exec(sql`UPDATE ${qa} SET ${bare(qa.reviewLogId)} = ${log?.id} WHERE ${qa.id} = ${answer.id}`);
    await insert(schema.quizOverrules, {
      quizAnswerId: answer.id,
      userId: u.id,
      assignmentId: made.id,
      status: 'declined',
      requestedAt: at(3),
      decidedAt: at(4),
      decidedBy: teacher.id,
    });
    await insert(schema.typedAnswers, { userId: u.id, cardId: deck.c4, answer: 'y', answeredAt: at(3), clientId: `typed-${u.id}` });
    await createSession(u.id, 'Test browser', at(5));
  }
  // The rest of what the student has: tokens, a fit run and a fit, a removal from another class, throttle counters.
  const other = await createClass(teacher.id, { name: 'Other class', timeZone: 'UTC' }, new Date(at(-2)));
  await insert(schema.classRemovals, { classId: other, userId: student.id, removedAt: at(1) });
  await insert(schema.passwordResetTokens, { tokenHash: `r${student.id}`, userId: student.id, createdAt: at(5), expiresAt: at(6) });
  await insert(schema.emailVerificationTokens, { tokenHash: `v${student.id}`, userId: student.id, createdAt: at(5), expiresAt: at(6) });
  await insert(schema.fsrsFitRuns, { userId: student.id, phase: 'fitting', done: 0, total: 1, startedAt: at(5), updatedAt: at(5) });
  await insert(schema.fsrsFits, {
    scope: 'user',
    scopeId: student.id,
    adopted: f.bool(false),
    reason: 'too_little_history',
    items: 1,
    trainItems: 1,
    testItems: 0,
    reviews: 3,
    durationMs: 1,
    fittedAt: at(5),
  });
  for (const key of [`email:${student.email}`, `join:${student.id}`]) await insert(schema.authThrottle, { key, failures: 1, windowStart: at(5) });
  // The student's own due date (granted by the teacher); the teacher co-teaches a colleague's class and
  // added a co-instructor to their own.
  await insert(schema.assignmentExtensions, { assignmentId: made.id, userId: student.id, dueAt: at(12), grantedBy: teacher.id, grantedAt: at(5) });
  const colleague = await makeUser('instructor');
  const colleagueClass = await createClass(colleague.id, { name: 'Colleague class', timeZone: 'UTC' }, new Date(at(-2)));
  await insert(schema.classInstructors, { classId: colleagueClass, userId: teacher.id, addedBy: colleague.id, addedAt: at(5) });
  await insert(schema.classInstructors, { classId, userId: colleague.id, addedBy: teacher.id, addedAt: at(5) });
  // A choice the student made in a review session.
  await insert(schema.reviewChoices, { userId: student.id, cardId: deck.c2, clientId: `choice-${student.id}`, choice: 1, correct: f.bool(false), answeredAt: at(2) });
  // A report of the student's on a card, answered by the teacher.
  await insert(schema.cardReports, {
    cardId: deck.c1,
    userId: student.id,
    reason: 'typo',
    source: 'review',
    status: 'fixed',
    reply: 'Thanks',
    createdAt: at(5),
    updatedAt: at(5),
    handledAt: at(6),
    handledBy: teacher.id,
  });
  // An open invitation to the student's address (by the teacher): it names the student by email only.
  await insert(schema.classInvitations, { classId: other, email: student.email, tokenHash: `i${student.id}`, invitedBy: teacher.id, createdAt: at(5), expiresAt: at(20) });
  return { teacher, student, classmate, classId, assignmentId: made.id, other };
}

beforeAll(async () => {
  ids = await setup();
});

describe('deleting a student account', () => {
  it('writes a row of the student into every table that refers to users (so the check below means something)', async () => {
    const missing: { table: string; column: string }[] = [];
    for (const ref of userReferences()) {
      if (NEVER_FOR_A_DELETABLE_USER.has(`${ref.table}.${ref.column}`)) continue;
      if ((await rowsOf(ref.table, ref.column, ids.student.id)) === 0 && (await rowsOf(ref.table, ref.column, ids.teacher.id)) === 0) missing.push(ref);
    }
    expect(missing, 'extend setup() and check the deletion covers these tables').toEqual([]);
    expect(userReferences().length).toBeGreaterThanOrEqual(14);
  });

  it('refuses a wrong password and writes nothing', async () => {
    const logs = sql`SELECT count(*) AS "n" FROM ${schema.reviewLogs}`;
    const before = await countOf(logs);
    expect(await deleteOwnAccount(ids.student.id, 'not the password')).toEqual({ ok: false, reason: 'wrong-password' });
    expect(await countOf(sql`SELECT count(*) AS "n" FROM ${schema.users} WHERE ${schema.users.id} = ${ids.student.id}`)).toBe(1);
    expect(await countOf(logs)).toBe(before);
  });

  it('deletes every row of the student, and only theirs; the class analytics of the others are unchanged', async () => {
    const now = new Date(at(5));
    const analyticsBefore = await assignmentAnalyticsFor(ids.teacher.id, ids.classId, ids.assignmentId, now);
    const classmateRows = await rowsOfEach(ids.classmate.id);

    expect(await deleteOwnAccount(ids.student.id, PASSWORD)).toEqual({ ok: true });

    for (const { table, column } of userReferences()) expect(await rowsOf(table, column, ids.student.id), `${table}.${column}`).toBe(0);
    const { users, fsrsFits, authThrottle, classInvitations, quizAnswers, quizAttempts } = schema;
    expect(await countOf(sql`SELECT count(*) AS "n" FROM ${users} WHERE ${users.id} = ${ids.student.id}`)).toBe(0);
    expect(await countOf(sql`SELECT count(*) AS "n" FROM ${fsrsFits} WHERE ${fsrsFits.scope} = 'user' AND ${fsrsFits.scopeId} = ${ids.student.id}`)).toBe(0);
    expect(await countOf(sql`SELECT count(*) AS "n" FROM ${authThrottle} WHERE ${authThrottle.key} IN (${`email:${ids.student.email}`}, ${`join:${ids.student.id}`})`)).toBe(0);
    expect(await countOf(sql`SELECT count(*) AS "n" FROM ${classInvitations} WHERE ${classInvitations.email} = ${ids.student.email}`)).toBe(0);
    // No dangling rows anywhere (quiz answers of the student's attempts, their overrules, assignment links).
    expect(await danglingReferences()).toEqual([]);
    expect(
      await countOf(sql`SELECT count(*) AS "n" FROM ${quizAnswers} LEFT JOIN ${quizAttempts} ON ${quizAttempts.id} = ${quizAnswers.attemptId} WHERE ${quizAttempts.id} IS NULL`),
    ).toBe(0);

    expect(await rowsOfEach(ids.classmate.id)).toEqual(classmateRows);
    const analyticsAfter = await assignmentAnalyticsFor(ids.teacher.id, ids.classId, ids.assignmentId, new Date(at(5)));
    expect(analyticsAfter).toBeTruthy();
    const rowOf = (a: typeof analyticsAfter, id: number) => JSON.stringify(a?.students.find((s) => s.userId === id));
    expect(rowOf(analyticsAfter, ids.classmate.id)).toBe(rowOf(analyticsBefore, ids.classmate.id));
    expect(analyticsAfter?.students.map((s) => s.userId)).toEqual([ids.classmate.id]);
  });
});

describe('deleting an instructor account', () => {
  it('is refused while they teach a class that is not archived or own a deck, naming each one', async () => {
    const teacher = await makeUser('instructor');
    const classId = await createClass(teacher.id, { name: 'Open class', timeZone: 'UTC' }, new Date(T0));
    await makeTinyDeck('owned-deck', teacher.id);
    const result = await deleteOwnAccount(teacher.id, PASSWORD);
    expect(result).toEqual({ ok: false, reason: 'blocked', blockers: { classes: [{ id: classId, name: 'Open class' }], decks: [{ id: 'owned-deck', title: 'Deck owned-deck' }] } });
    expect(describeBlockers(await deletionBlockersOf(teacher.id))).toEqual([
      'Archive the class you teach first: “Open class”.',
      'A deck you wrote needs a new owner first (ask your administrator to hand it over): “Deck owned-deck”.',
    ]);
    expect(await countOf(sql`SELECT count(*) AS "n" FROM ${schema.classes} WHERE ${schema.classes.id} = ${classId}`)).toBe(1);
  });

  it('deletes them once their classes are archived; decisions they made stay, without their name', async () => {
    expect(await setClassArchived(ids.teacher.id, ids.classId, true, new Date(at(6)))).toBe(true);
    expect(await setClassArchived(ids.teacher.id, ids.other, true, new Date(at(6)))).toBe(true);
    expect(await deleteOwnAccount(ids.teacher.id, PASSWORD)).toEqual({ ok: true });
    for (const { table, column } of userReferences()) expect(await rowsOf(table, column, ids.teacher.id), `${table}.${column}`).toBe(0);
    expect(await danglingReferences()).toEqual([]);
    // The classmate's own history is theirs and stays.
    expect(await countOf(sql`SELECT count(*) AS "n" FROM ${schema.reviewLogs} WHERE ${schema.reviewLogs.userId} = ${ids.classmate.id}`)).toBe(3);
  });
});
