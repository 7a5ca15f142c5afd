/**
 * What attempts taken before assignment quizzes count for (migrations 0007 + 0008, issue 16).
 * A database is built at migration 0006 with the old kinds of attempts, then migrated:
 * a finished quiz whose every question lies in the assignment's sections keeps counting for it
 * (marked legacy), whatever its length, as it did under the rules it was taken under; a quiz on
 * other sections, an unfinished one, or one by someone outside the class never counted rightly
 * and stays practice. Old assignments get the quiz students were offered by default: 10 questions,
 * answers after each.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/connection';

const MIGRATIONS = path.resolve('db/migrations');

/** A copy of the migrations folder that stops before `firstLeftOut` (its journal cut there). */
function migrationsUpTo(firstLeftOut: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'srs-mig-'));
  cpSync(MIGRATIONS, dir, { recursive: true });
  const journalFile = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const cut = journal.entries.findIndex((e) => e.tag.startsWith(firstLeftOut));
  expect(cut).toBeGreaterThan(0);
  writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, cut) }));
  return dir;
}

describe('migrating old quiz attempts', () => {
  it('keeps counting old quizzes on the assigned sections, and only those', () => {
    const db = openDatabase(path.join(mkdtempSync(path.join(tmpdir(), 'srs-mig-db-')), 'app.db'));
    migrate(db, { migrationsFolder: migrationsUpTo('0007_') });
    const $ = db.$client;
    const run = (sql: string, ...args: unknown[]) => Number($.prepare(sql).run(...args).lastInsertRowid);
    const user = (email: string, role = 'student') => run("INSERT INTO users (email, name, password_hash, role) VALUES (?, ?, 'x', ?)", email, email, role);
    const teacher = user('t@x', 'instructor');
    const [ann, bob, outsider] = [user('ann@x'), user('bob@x'), user('out@x')];
    run("INSERT INTO decks (id, title) VALUES ('d', 'Deck')");
    const s1 = run("INSERT INTO sections (deck_id, key, title, position) VALUES ('d', 's1', 'One', 0)");
    const s2 = run("INSERT INTO sections (deck_id, key, title, position) VALUES ('d', 's2', 'Two', 1)");
    const card = (key: string, section: number) =>
      run("INSERT INTO cards (deck_id, section_id, key, item_id, type, position, prompt, answer, payload, content_hash, updated_at) VALUES ('d', ?, ?, ?, 'truefalse', 0, 'p', 'a', '{}', 'h', 0)", section, key, key);
    const [c1, c2, c3] = [card('c1', s1), card('c2', s1), card('c3', s2)];
    const cls = run("INSERT INTO classes (instructor_id, name, join_code) VALUES (?, 'C', 'CODE')", teacher);
    for (const u of [ann, bob]) run('INSERT INTO enrollments (class_id, user_id, joined_at) VALUES (?, ?, 0)', cls, u);
    const onS1 = run(`INSERT INTO assignments (class_id, deck_id, section_keys, due_at, goal_quiz_score) VALUES (?, 'd', '["s1"]', 100, 80)`, cls);
    const wholeDeck = run("INSERT INTO assignments (class_id, deck_id, section_keys, due_at, goal_quiz_score) VALUES (?, 'd', NULL, 100, 80)", cls);
    const attempt = (u: number, cards: number[], finished: number | null, correct: number) =>
      run('INSERT INTO quiz_attempts (user_id, deck_id, card_ids, started_at, finished_at, correct_count, question_count) VALUES (?, ?, ?, 0, ?, ?, ?)', u, 'd', JSON.stringify(cards), finished, correct, cards.length);
    const annOnS1 = attempt(ann, [c1, c2], 10, 2);
    const annOneQuestion = attempt(ann, [c1], 11, 1);
    const annOnS2 = attempt(ann, [c3], 12, 1);
    const annMixed = attempt(ann, [c1, c3], 13, 2);
    const bobOpen = attempt(bob, [c1, c2], null, 1);
    const outsiderOnS1 = attempt(outsider, [c1, c2], 14, 2);

    migrate(db, { migrationsFolder: MIGRATIONS });

    const links = $.prepare('SELECT assignment_id AS a, attempt_id AS q, legacy FROM assignment_quiz_attempts ORDER BY a, q').all();
    expect(links).toEqual([
      { a: onS1, q: annOnS1, legacy: 1 },
      { a: onS1, q: annOneQuestion, legacy: 1 },
      { a: wholeDeck, q: annOnS1, legacy: 1 },
      { a: wholeDeck, q: annOneQuestion, legacy: 1 },
      { a: wholeDeck, q: annOnS2, legacy: 1 },
      { a: wholeDeck, q: annMixed, legacy: 1 },
    ]);
    for (const never of [bobOpen, outsiderOnS1]) expect(links.some((l) => (l as { q: number }).q === never)).toBe(false);
    expect($.prepare('SELECT DISTINCT quiz_questions AS n, quiz_feedback AS f, quiz_attempts AS k, quiz_types AS t, quiz_section_keys AS s FROM assignments').all()).toEqual([
      { n: 10, f: 'immediate', k: null, t: null, s: null },
    ]);
    $.close();
  });
});
