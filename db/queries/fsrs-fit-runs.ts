/**
 * A student's running FSRS fit, in the database (fsrs_fit_runs) rather than in one server's memory:
 * the settings page polls GET /api/fsrs/progress, which any app server may answer, and "one fit per
 * student at a time" holds across servers. Progress is written at most every PROGRESS_EVERY_MS (and
 * on each change of phase), so a fit costs a few tiny writes a second at most.
 * On the engine (db/engine): the same SQL on SQLite and PostgreSQL.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { bare } from '@/db/engine/fragments';
import { int } from '@/db/engine/rows';
import { fsrsFitRuns } from '@/db/schema';
import { now as appNow } from '@/lib/clock';

export type FitProgress = { phase: 'fitting' | 'checking' | 'replaying'; done: number; total: number };

/** A run not updated for this long belongs to a server that stopped mid-fit: it counts as ended. */
export const FIT_RUN_STALE_MS = 120_000;
const PROGRESS_EVERY_MS = 500;

const runRow = z.object({ phase: z.string(), done: int, total: int });
const PHASES: readonly FitProgress['phase'][] = ['fitting', 'checking', 'replaying'];

export interface FitRun {
  /** Records progress (throttled); the write happens in the background, in order, and `end` waits for it. */
  progress(p: FitProgress): void;
  end(): Promise<void>;
}

/** Starts this student's run, or returns null when one is already running (here or on another server). */
export async function claimFitRun(userId: number): Promise<FitRun | null> {
  const db = await engine();
  const startedAt = appNow().getTime();
  const r = fsrsFitRuns;
  // Claims the student's run unless a live one exists (a stale row is taken over).
  const claimed = await db.run(
    sql`INSERT INTO ${r} (${bare(r.userId)}, ${bare(r.phase)}, ${bare(r.done)}, ${bare(r.total)}, ${bare(r.startedAt)}, ${bare(r.updatedAt)})
      VALUES (${userId}, 'fitting', 0, 1, ${startedAt}, ${startedAt})
      ON CONFLICT (${bare(r.userId)}) DO UPDATE SET ${bare(r.phase)} = 'fitting', ${bare(r.done)} = 0, ${bare(r.total)} = 1,
        ${bare(r.startedAt)} = ${startedAt}, ${bare(r.updatedAt)} = ${startedAt}
      WHERE ${r.updatedAt} < ${startedAt - FIT_RUN_STALE_MS}`,
  );
  if (claimed.changes === 0) return null;
  let lastWrite = 0;
  let lastPhase: FitProgress['phase'] = 'fitting';
  // The optimiser reports progress from a plain callback, so a write runs in the background: it is
  // issued at once when none is in flight (so it lands before the caller's next step on SQLite),
  // else after the one in flight, so writes land in order (pooled connections on PostgreSQL could
  // reorder them) and before the run's row is deleted. A failed write is reported; the fit goes on.
  let inFlight: Promise<void> | null = null;
  return {
    progress(p) {
      const t = appNow().getTime();
      if (p.phase === lastPhase && t - lastWrite < PROGRESS_EVERY_MS && p.done < p.total) return;
      lastWrite = t;
      lastPhase = p.phase;
      const done = Math.max(0, Math.round(p.done));
      const total = Math.max(1, Math.round(p.total));
      const write = (): Promise<void> =>
        db
          .run(
            sql`UPDATE ${r} SET ${bare(r.phase)} = ${p.phase}, ${bare(r.done)} = ${done}, ${bare(r.total)} = ${total}, ${bare(r.updatedAt)} = ${t}
              WHERE ${r.userId} = ${userId} AND ${r.startedAt} = ${startedAt}`,
          )
          .then(
            () => undefined,
            (error: unknown) => console.error('Could not record the fit’s progress:', error),
          );
      const issued: Promise<void> = (inFlight ? inFlight.then(write) : write()).finally(() => {
        if (inFlight === issued) inFlight = null;
      });
      inFlight = issued;
    },
    async end() {
      await inFlight;
      await db.run(sql`DELETE FROM ${r} WHERE ${r.userId} = ${userId} AND ${r.startedAt} = ${startedAt}`);
    },
  };
}

function isPhase(phase: string): phase is FitProgress['phase'] {
  return PHASES.some((p) => p === phase);
}

/** Where this student's running fit is, or null when none runs. */
export async function fitProgressOf(userId: number): Promise<FitProgress | null> {
  const db = await engine();
  const r = fsrsFitRuns;
  const row = await db.get(
    sql`SELECT ${r.phase} AS "phase", ${r.done} AS "done", ${r.total} AS "total" FROM ${r}
      WHERE ${r.userId} = ${userId} AND ${r.updatedAt} >= ${appNow().getTime() - FIT_RUN_STALE_MS}`,
    runRow,
  );
  if (!row || !isPhase(row.phase)) return null;
  return { phase: row.phase, done: row.done, total: row.total };
}
