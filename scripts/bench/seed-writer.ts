/**
 * Bulk writes for the benchmark seed: prepared statements on the raw better-sqlite3 handle,
 * called inside large transactions by the caller. The rows match what the app itself writes
 * (db/queries/reviews.ts recordReview), including the undo snapshot on every log row.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Role } from '@/db/schema';
import { snapshotOf } from '@/lib/scheduler';
import type { SimulatedCard } from './simulate';

/** What the writer needs of a database: better-sqlite3's `prepare(...).run(...)` (the e2e seed also passes a recorder). */
export type StatementSource = { prepare(sql: string): Pick<Database.Statement, 'run'> };

export function makeWriter(sqlite: StatementSource) {
  const s = {
    user: sqlite.prepare('INSERT INTO users (email, name, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?)'),
    settings: sqlite.prepare('INSERT INTO user_settings (user_id, time_zone) VALUES (?, ?)'),
    klass: sqlite.prepare('INSERT INTO classes (instructor_id, name, join_code, time_zone, created_at) VALUES (?, ?, ?, ?, ?)'),
    enroll: sqlite.prepare('INSERT INTO enrollments (class_id, user_id, joined_at) VALUES (?, ?, ?)'),
    assign: sqlite.prepare('INSERT INTO assignments (class_id, deck_id, section_keys, due_at, goal_quiz_score, goal_recall, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    log: sqlite.prepare(
      `INSERT INTO review_logs (user_id, card_id, client_id, rating, reviewed_at, duration_ms, state_before, snapshot_before,
         due_after, stability_after, difficulty_after, scheduled_days, source, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    state: sqlite.prepare(
      `INSERT INTO card_states (user_id, card_id, due, stability, difficulty, scheduled_days, learning_steps, reps, lapses,
         state, last_review, suspended, leech, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
  };

  let logs = 0;
  let states = 0;

  return {
    counts: () => ({ logs, states }),
    user(email: string, name: string, passwordHash: string, role: Role, createdAt: number, timeZone = 'UTC'): number {
      const id = Number(s.user.run(email, name, passwordHash, role, createdAt).lastInsertRowid);
      s.settings.run(id, timeZone);
      return id;
    },
    klass(instructorId: number, name: string, joinCode: string, createdAt: number): number {
      return Number(s.klass.run(instructorId, name, joinCode, 'UTC', createdAt).lastInsertRowid);
    },
    enroll(classId: number, userId: number, joinedAt: number) {
      s.enroll.run(classId, userId, joinedAt);
    },
    assign(classId: number, deckId: string, dueAt: number, createdAt: number) {
      s.assign.run(classId, deckId, null, dueAt, 0.8, 0.9, createdAt);
    },
    /** The card's log rows and final state, as recordReview would have left them. */
    cardHistory(userId: number, cardId: number, sim: SimulatedCard, source: (i: number) => 'review' | 'quiz' = () => 'review') {
      sim.reviews.forEach((r, i) => {
        const snapshot = JSON.stringify({ ...snapshotOf(r.before), suspended: false, leech: false });
        s.log.run(
          userId, cardId, randomUUID(), r.grade, r.reviewedAt, 2000 + ((r.reviewedAt / 7) % 14000 | 0), r.before?.state ?? 0, snapshot,
          r.after.due.getTime(), r.after.stability, r.after.difficulty, r.after.scheduledDays, source(i), r.reviewedAt + 150,
        );
      });
      logs += sim.reviews.length;
      const f = sim.final;
      if (!f) return;
      s.state.run(
        userId, cardId, f.due.getTime(), f.stability, f.difficulty, f.scheduledDays, f.learningSteps, f.reps, f.lapses,
        f.state, f.lastReview ? f.lastReview.getTime() : null, sim.leech ? 1 : 0, sim.leech ? 1 : 0,
        (f.lastReview ?? f.due).getTime(),
      );
      states += 1;
    },
  };
}

export type SeedWriter = ReturnType<typeof makeWriter>;
