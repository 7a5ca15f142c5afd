/**
 * Months of study for one e2e account, written straight into the database of the test's server in
 * one transaction (a second or so), on SQLite or PostgreSQL (tests/e2e/db.ts): reviews simulated with
 * the app's own scheduler (scripts/bench/simulate.ts, rows as recordReview writes them,
 * scripts/bench/seed-writer.ts), a leech, finished quizzes, and optionally a place in the demo class
 * so the instructor's pages have activity to show. The server reads the database on every request,
 * so pages show the history at once.
 */
import { DEFAULT_SCHEDULER_SETTINGS } from '@/lib/scheduler';
import { makeRng } from '../../scripts/bench/rng';
import { makeWriter } from '../../scripts/bench/seed-writer';
import { DAY_MS, introductionDays, makeStudent, simulateCard } from '../../scripts/bench/simulate';
import { e2eAll, e2eGet, e2eTransaction } from './db';

/** The writer's statements, kept to be run later in the engine's own transaction (the writer is synchronous). */
function recorder() {
  const statements: [string, unknown[]][] = [];
  return {
    statements,
    prepare: (text: string) => ({
      run: (...params: unknown[]) => {
        statements.push([text, params]);
        return { changes: 1, lastInsertRowid: 0 };
      },
    }),
  };
}

export async function seedHistory(email: string, { days = 150, seed = 7, joinDemoClass = false } = {}) {
  const user = await e2eGet<{ id: number }>('SELECT id FROM users WHERE email = ?', email);
  if (!user) throw new Error(`no user ${email}`);
  const userId = user.id;
  const cards = await e2eAll<{ id: number; type: string; payload: string }>("SELECT id, type, payload FROM cards WHERE deck_id = 'war-for-peace' AND retired_at IS NULL ORDER BY position");
  const now = Date.now();
  const rng = makeRng(seed);
  const windowStart = now - days * DAY_MS;
  const model = makeStudent(rng, windowStart, days, { joinDay: 0, pActive: 0.8 });
  const studied = cards.slice(0, Math.min(cards.length - 5, 120)); // a few stay new
  const intro = introductionDays(model, studied.length, 6);
  const settings = { ...DEFAULT_SCHEDULER_SETTINGS, enableFuzz: false };
  const kept = recorder();
  const w = makeWriter(kept);
  intro.forEach((day, i) => w.cardHistory(userId, studied[i]!.id, simulateCard(model, day, now - 60_000, rng, settings), () => (rng.chance(0.1) ? 'quiz' : 'review')));
  await e2eTransaction(async (tx) => {
    for (const [text, params] of kept.statements) await tx.run(text, ...params);
    // One card the student keeps forgetting: flagged and set aside, as recordReview does at the threshold.
    // Flags as parameters: SQLite stores 1, PostgreSQL reads '1' as true.
    await tx.run('UPDATE card_states SET lapses = 8, leech = ?, suspended = ? WHERE user_id = ? AND card_id = ?', 1, 1, userId, studied[0]!.id);
    // Finished quizzes over true/false questions (their stored response is the boolean chosen).
    const tf = cards.filter((c) => c.type === 'truefalse').slice(0, 5);
    for (const [k, finishedAt] of [now - 40 * DAY_MS, now - 9 * DAY_MS, now - DAY_MS].entries()) {
      const correct = tf.map((_, i) => (i + k) % 3 !== 0);
      const attempt = await tx.get<{ id: number }>(
        'INSERT INTO quiz_attempts (user_id, deck_id, card_ids, started_at, finished_at, correct_count, question_count) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id',
        userId, 'war-for-peace', JSON.stringify(tf.map((c) => c.id)), finishedAt - 300_000, finishedAt, correct.filter(Boolean).length, tf.length,
      );
      for (const [i, c] of tf.entries()) {
        const truth = (JSON.parse(c.payload) as { answer: boolean }).answer;
        await tx.run(
          'INSERT INTO quiz_answers (attempt_id, card_id, position, response, correct, answered_at) VALUES (?, ?, ?, ?, ?, ?)',
          attempt!.id, c.id, i, JSON.stringify(correct[i] ? truth : !truth), correct[i] ? 1 : 0, finishedAt - 60_000 * (tf.length - i),
        );
      }
    }
    if (joinDemoClass) {
      const klass = await tx.get<{ id: number }>("SELECT id FROM classes WHERE name LIKE 'POLS 210%' ORDER BY id LIMIT 1");
      await tx.run('INSERT INTO enrollments (class_id, user_id, joined_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', klass!.id, userId, windowStart);
    }
  });
  return { userId, ...w.counts() };
}
