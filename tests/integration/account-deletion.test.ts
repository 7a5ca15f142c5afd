/**
 * Deleting one's account (issue 17) on a real SQLite file. The main check is generic: for every
 * table of db/schema.ts with a foreign key to users, the fixture must have written a row of the
 * user (so a table added later fails here until this fixture, and the deletion, cover it) and no
 * row of the user may remain afterwards. Other students' rows and class counts stay as they were.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { is } from 'drizzle-orm';
import { db } from '@/db';
import * as schema from '@/db/schema';
import { deleteOwnAccount, deletionBlockersOf } from '@/db/queries/account-deletion';
import { createClass, setClassArchived } from '@/db/queries/classes';
import { createAssignment } from '@/db/queries/assignments';
import { assignmentAnalyticsFor } from '@/db/queries/class-analytics';
import { createSession } from '@/db/queries/sessions';
import { describeBlockers } from '@/lib/auth/account-deletion';
import { makeUser } from '../support/fixtures';
import { DAY, enroll, logReview, makeTinyDeck, quizAttempt } from '../support/teach-fixtures';

const T0 = Date.parse('2026-03-02T00:00:00Z');
const at = (days: number) => T0 + days * DAY;
const PASSWORD = 'integration-pass';

/** Every (table, column) that refers to users.id. */
function userReferences(): { table: string; column: string }[] {
  const out: { table: string; column: string }[] = [];
  for (const value of Object.values(schema)) {
    if (!is(value, SQLiteTable)) continue;
    const config = getTableConfig(value);
    for (const fk of config.foreignKeys) {
      const ref = fk.reference();
      if (getTableConfig(ref.foreignTable).name !== 'users') continue;
      for (const col of ref.columns) out.push({ table: config.name, column: col.name });
    }
  }
  return out;
}

const rowsOf = (table: string, column: string, userId: number) =>
  (db.$client.prepare(`SELECT count(*) AS n FROM "${table}" WHERE "${column}" = ?`).get(userId) as { n: number }).n;
const count = (sql: string, ...args: unknown[]) => (db.$client.prepare(sql).get(...args) as { n: number }).n;

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
  const $ = db.$client;
  for (const u of [student, classmate]) {
    await enroll(classId, u.id, at(-1));
    await logReview(u.id, deck.c1, at(1), { stateBefore: 0, rating: 3, stability: 2 });
    await logReview(u.id, deck.c2, at(2), { stateBefore: 0, rating: 1, stability: 1 });
    const attempt = await quizAttempt(u.id, 'del-deck', at(3), [{ cardId: deck.c4, correct: false }], 1, made.id);
    const answer = $.prepare('SELECT id FROM quiz_answers WHERE attempt_id = ?').get(attempt) as { id: number };
    // The quiz answer's review log row, as the quiz writes it.
    await logReview(u.id, deck.c4, at(3), { stateBefore: 0, rating: 1, stability: 1, source: 'quiz' });
    const log = $.prepare('SELECT max(id) AS id FROM review_logs WHERE user_id = ?').get(u.id) as { id: number };
    $.prepare('UPDATE quiz_answers SET review_log_id = ? WHERE id = ?').run(log.id, answer.id);
    $.prepare(`INSERT INTO quiz_overrules (quiz_answer_id, user_id, assignment_id, status, requested_at, decided_at, decided_by) VALUES (?, ?, ?, 'declined', ?, ?, ?)`).run(
      answer.id, u.id, made.id, at(3), at(4), teacher.id,
    );
    $.prepare(`INSERT INTO typed_answers (user_id, card_id, answer, answered_at, client_id) VALUES (?, ?, 'y', ?, ?)`).run(u.id, deck.c4, at(3), `typed-${u.id}`);
    await createSession(u.id, 'Test browser', at(5));
  }
  // The rest of what the student has: tokens, a fit run and a fit, a removal from another class, throttle counters.
  const other = await createClass(teacher.id, { name: 'Other class', timeZone: 'UTC' }, new Date(at(-2)));
  $.prepare('INSERT INTO class_removals (class_id, user_id, removed_at) VALUES (?, ?, ?)').run(other, student.id, at(1));
  $.prepare('INSERT INTO password_reset_tokens (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(`r${student.id}`, student.id, at(5), at(6));
  $.prepare('INSERT INTO email_verification_tokens (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(`v${student.id}`, student.id, at(5), at(6));
  $.prepare(`INSERT INTO fsrs_fit_runs (user_id, phase, done, total, started_at, updated_at) VALUES (?, 'fitting', 0, 1, ?, ?)`).run(student.id, at(5), at(5));
  $.prepare(`INSERT INTO fsrs_fits (scope, scope_id, adopted, reason, items, train_items, test_items, reviews, duration_ms, fitted_at) VALUES ('user', ?, 0, 'too_little_history', 1, 1, 0, 3, 1, ?)`).run(student.id, at(5));
  for (const key of [`email:${student.email}`, `join:${student.id}`]) $.prepare('INSERT INTO auth_throttle (key, failures, window_start) VALUES (?, 1, ?)').run(key, at(5));
  // The student's own due date (granted by the teacher); the teacher co-teaches a colleague's class and
  // added a co-instructor to their own.
  $.prepare('INSERT INTO assignment_extensions (assignment_id, user_id, due_at, granted_by, granted_at) VALUES (?, ?, ?, ?, ?)').run(made.id, student.id, at(12), teacher.id, at(5));
  const colleague = await makeUser('instructor');
  const colleagueClass = await createClass(colleague.id, { name: 'Colleague class', timeZone: 'UTC' }, new Date(at(-2)));
  $.prepare('INSERT INTO class_instructors (class_id, user_id, added_by, added_at) VALUES (?, ?, ?, ?)').run(colleagueClass, teacher.id, colleague.id, at(5));
  $.prepare('INSERT INTO class_instructors (class_id, user_id, added_by, added_at) VALUES (?, ?, ?, ?)').run(classId, colleague.id, teacher.id, at(5));
  // A choice the student made in a review session.
  $.prepare('INSERT INTO review_choices (user_id, card_id, client_id, choice, correct, answered_at) VALUES (?, ?, ?, 1, 0, ?)').run(student.id, deck.c2, `choice-${student.id}`, at(2));
  // A report of the student's on a card, answered by the teacher.
  $.prepare(`INSERT INTO card_reports (card_id, user_id, reason, source, status, reply, created_at, updated_at, handled_at, handled_by) VALUES (?, ?, 'typo', 'review', 'fixed', 'Thanks', ?, ?, ?, ?)`).run(
    deck.c1, student.id, at(5), at(5), at(6), teacher.id,
  );
  // An open invitation to the student's address (by the teacher): it names the student by email only.
  $.prepare('INSERT INTO class_invitations (class_id, email, token_hash, invited_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    other, student.email, `i${student.id}`, teacher.id, at(5), at(20),
  );
  return { teacher, student, classmate, classId, assignmentId: made.id, other };
}

beforeAll(async () => {
  ids = await setup();
});

describe('deleting a student account', () => {
  it('writes a row of the student into every table that refers to users (so the check below means something)', () => {
    const missing = userReferences()
      .filter(({ table, column }) => !NEVER_FOR_A_DELETABLE_USER.has(`${table}.${column}`))
      .filter(({ table, column }) => rowsOf(table, column, ids.student.id) === 0 && rowsOf(table, column, ids.teacher.id) === 0);
    expect(missing, 'extend setup() and check the deletion covers these tables').toEqual([]);
    expect(userReferences().length).toBeGreaterThanOrEqual(14);
  });

  it('refuses a wrong password and writes nothing', async () => {
    const before = count('SELECT count(*) AS n FROM review_logs');
    expect(await deleteOwnAccount(ids.student.id, 'not the password')).toEqual({ ok: false, reason: 'wrong-password' });
    expect(count('SELECT count(*) AS n FROM users WHERE id = ?', ids.student.id)).toBe(1);
    expect(count('SELECT count(*) AS n FROM review_logs')).toBe(before);
  });

  it('deletes every row of the student, and only theirs; the class analytics of the others are unchanged', async () => {
    const now = new Date(at(5));
    const analyticsBefore = await assignmentAnalyticsFor(ids.teacher.id, ids.classId, ids.assignmentId, now);
    const classmateRows = userReferences().map(({ table, column }) => rowsOf(table, column, ids.classmate.id));

    expect(await deleteOwnAccount(ids.student.id, PASSWORD)).toEqual({ ok: true });

    for (const { table, column } of userReferences()) expect(rowsOf(table, column, ids.student.id), `${table}.${column}`).toBe(0);
    expect(count('SELECT count(*) AS n FROM users WHERE id = ?', ids.student.id)).toBe(0);
    expect(count(`SELECT count(*) AS n FROM fsrs_fits WHERE scope = 'user' AND scope_id = ?`, ids.student.id)).toBe(0);
    expect(count('SELECT count(*) AS n FROM auth_throttle WHERE key IN (?, ?)', `email:${ids.student.email}`, `join:${ids.student.id}`)).toBe(0);
    expect(count('SELECT count(*) AS n FROM class_invitations WHERE email = ?', ids.student.email)).toBe(0);
    // No dangling rows anywhere (quiz answers of the student's attempts, their overrules, assignment links).
    expect(db.$client.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(count('SELECT count(*) AS n FROM quiz_answers qa LEFT JOIN quiz_attempts a ON a.id = qa.attempt_id WHERE a.id IS NULL')).toBe(0);

    expect(userReferences().map(({ table, column }) => rowsOf(table, column, ids.classmate.id))).toEqual(classmateRows);
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
    expect(count('SELECT count(*) AS n FROM classes WHERE id = ?', classId)).toBe(1);
  });

  it('deletes them once their classes are archived; decisions they made stay, without their name', async () => {
    expect(await setClassArchived(ids.teacher.id, ids.classId, true, new Date(at(6)))).toBe(true);
    expect(await setClassArchived(ids.teacher.id, ids.other, true, new Date(at(6)))).toBe(true);
    expect(await deleteOwnAccount(ids.teacher.id, PASSWORD)).toEqual({ ok: true });
    for (const { table, column } of userReferences()) expect(rowsOf(table, column, ids.teacher.id), `${table}.${column}`).toBe(0);
    expect(db.$client.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    // The classmate's own history is theirs and stays.
    expect(count('SELECT count(*) AS n FROM review_logs WHERE user_id = ?', ids.classmate.id)).toBe(3);
  });
});
