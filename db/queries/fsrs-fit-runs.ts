/**
 * A student's running FSRS fit, in the database (fsrs_fit_runs) rather than in one server's memory:
 * the settings page polls GET /api/fsrs/progress, which any app server may answer, and "one fit per
 * student at a time" holds across servers. Progress is written at most every PROGRESS_EVERY_MS (and
 * on each change of phase), so a fit costs a few tiny writes a second at most.
 */
import 'server-only';
import { db } from '@/db';
import { now as appNow } from '@/lib/clock';

export type FitProgress = { phase: 'fitting' | 'checking' | 'replaying'; done: number; total: number };

/** A run not updated for this long belongs to a server that stopped mid-fit: it counts as ended. */
export const FIT_RUN_STALE_MS = 120_000;
const PROGRESS_EVERY_MS = 500;

const stmts = {
  // Claims the student's run unless a live one exists (a stale row is taken over).
  claim: db.$client.prepare(
    `INSERT INTO fsrs_fit_runs (user_id, phase, done, total, started_at, updated_at) VALUES (@userId, 'fitting', 0, 1, @now, @now)
     ON CONFLICT (user_id) DO UPDATE SET phase = 'fitting', done = 0, total = 1, started_at = @now, updated_at = @now
     WHERE fsrs_fit_runs.updated_at < @staleBefore`,
  ),
  update: db.$client.prepare('UPDATE fsrs_fit_runs SET phase = @phase, done = @done, total = @total, updated_at = @now WHERE user_id = @userId AND started_at = @startedAt'),
  end: db.$client.prepare('DELETE FROM fsrs_fit_runs WHERE user_id = @userId AND started_at = @startedAt'),
  get: db.$client.prepare<{ userId: number; staleBefore: number }, { phase: string; done: number; total: number }>(
    'SELECT phase, done, total FROM fsrs_fit_runs WHERE user_id = @userId AND updated_at >= @staleBefore',
  ),
};

export interface FitRun {
  progress(p: FitProgress): void;
  end(): void;
}

/** Starts this student's run, or returns null when one is already running (here or on another server). */
export function claimFitRun(userId: number): FitRun | null {
  const startedAt = appNow().getTime();
  if (stmts.claim.run({ userId, now: startedAt, staleBefore: startedAt - FIT_RUN_STALE_MS }).changes === 0) return null;
  let lastWrite = 0;
  let lastPhase: FitProgress['phase'] = 'fitting';
  return {
    progress(p) {
      const t = appNow().getTime();
      if (p.phase === lastPhase && t - lastWrite < PROGRESS_EVERY_MS && p.done < p.total) return;
      lastWrite = t;
      lastPhase = p.phase;
      stmts.update.run({ userId, startedAt, now: t, phase: p.phase, done: Math.max(0, Math.round(p.done)), total: Math.max(1, Math.round(p.total)) });
    },
    end() {
      stmts.end.run({ userId, startedAt });
    },
  };
}

const PHASES = new Set(['fitting', 'checking', 'replaying']);

/** Where this student's running fit is, or null when none runs. */
export function fitProgressOf(userId: number): FitProgress | null {
  const row = stmts.get.get({ userId, staleBefore: appNow().getTime() - FIT_RUN_STALE_MS });
  if (!row || !PHASES.has(row.phase)) return null;
  return { phase: row.phase as FitProgress['phase'], done: row.done, total: row.total };
}
