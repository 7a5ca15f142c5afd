/**
 * Months of study for one e2e account, written straight into the e2e database in one transaction
 * (a second or so): reviews simulated with the app's own scheduler (scripts/bench/simulate.ts,
 * rows as recordReview writes them, scripts/bench/seed-writer.ts), a leech, finished quizzes,
 * and optionally a place in the demo class so the instructor's pages have activity to show.
 * The server reads SQLite on every request, so pages show the history at once.
 */
import Database from 'better-sqlite3';
import { DEFAULT_SCHEDULER_SETTINGS } from '@/lib/scheduler';
import { makeRng } from '../../scripts/bench/rng';
import { makeWriter } from '../../scripts/bench/seed-writer';
import { DAY_MS, introductionDays, makeStudent, simulateCard } from '../../scripts/bench/simulate';

export function seedHistory(email: string, { days = 150, seed = 7, joinDemoClass = false } = {}) {
  const sqlite = new Database('data/e2e.db');
  sqlite.pragma('busy_timeout = 5000');
  try {
    const one = <T>(sql: string, ...args: unknown[]) => sqlite.prepare(sql).get(...args) as T;
    const { id: userId } = one<{ id: number }>('SELECT id FROM users WHERE email = ?', email);
    const cards = (sqlite.prepare("SELECT id, type FROM cards WHERE deck_id = 'war-for-peace' AND retired_at IS NULL ORDER BY position").all() as { id: number; type: string }[]);
    const now = Date.now();
    const rng = makeRng(seed);
    const windowStart = now - days * DAY_MS;
    const model = makeStudent(rng, windowStart, days, { joinDay: 0, pActive: 0.8 });
    const studied = cards.slice(0, Math.min(cards.length - 5, 120)); // a few stay new
    const intro = introductionDays(model, studied.length, 6);
    const settings = { ...DEFAULT_SCHEDULER_SETTINGS, enableFuzz: false };
    const w = makeWriter(sqlite);
    sqlite.transaction(() => {
      intro.forEach((day, i) => w.cardHistory(userId, (studied[i] as { id: number }).id, simulateCard(model, day, now - 60_000, rng, settings), () => (rng.chance(0.1) ? 'quiz' : 'review')));
      // One card the student keeps forgetting: flagged and set aside, as recordReview does at the threshold.
      sqlite.prepare('UPDATE card_states SET lapses = 8, leech = 1, suspended = 1 WHERE user_id = ? AND card_id = ?').run(userId, (studied[0] as { id: number }).id);
      // Finished quizzes over true/false questions (their stored response is the boolean chosen).
      const tf = cards.filter((c) => c.type === 'truefalse').slice(0, 5);
      for (const [k, finishedAt] of [now - 40 * DAY_MS, now - 9 * DAY_MS, now - DAY_MS].entries()) {
        const correct = tf.map((_, i) => (i + k) % 3 !== 0);
        const attempt = Number(
          sqlite
            .prepare('INSERT INTO quiz_attempts (user_id, deck_id, card_ids, started_at, finished_at, correct_count, question_count) VALUES (?, ?, ?, ?, ?, ?, ?)')
            .run(userId, 'war-for-peace', JSON.stringify(tf.map((c) => c.id)), finishedAt - 300_000, finishedAt, correct.filter(Boolean).length, tf.length).lastInsertRowid,
        );
        tf.forEach((c, i) => {
          const answer = one<{ payload: string }>('SELECT payload FROM cards WHERE id = ?', c.id);
          const truth = (JSON.parse(answer.payload) as { answer: boolean }).answer;
          sqlite
            .prepare('INSERT INTO quiz_answers (attempt_id, card_id, position, response, correct, answered_at) VALUES (?, ?, ?, ?, ?, ?)')
            .run(attempt, c.id, i, JSON.stringify(correct[i] ? truth : !truth), correct[i] ? 1 : 0, finishedAt - 60_000 * (tf.length - i));
        });
      }
      if (joinDemoClass) {
        const klass = one<{ id: number }>("SELECT id FROM classes WHERE name LIKE 'POLS 210%' ORDER BY id LIMIT 1");
        sqlite.prepare('INSERT OR IGNORE INTO enrollments (class_id, user_id, joined_at) VALUES (?, ?, ?)').run(klass.id, userId, windowStart);
      }
    })();
    return { userId, ...w.counts() };
  } finally {
    sqlite.close();
  }
}
