/**
 * A running fit lives in the database: another server (here a second engine of its own on the
 * same database, SQLite file or PostgreSQL) sees its progress, a second fit for the same student
 * is refused wherever it is asked for, the row goes when the fit ends (even when it fails), and a
 * run left by a server that died does not block the student for ever.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bare } from '@/db/engine/fragments';
import { openEngine } from '@/db/engine/open';
import { int } from '@/db/engine/rows';
import { fsrsFitRuns } from '@/db/schema';
import { FIT_RUN_STALE_MS } from '@/db/queries/fsrs-fit-runs';
import { FitAlreadyRunningError, fitProgressOf, fitUserParameters } from '@/db/queries/fsrs-parameters';
import { recordReview } from '@/db/queries/reviews';
import { studySettingsFor } from '@/db/queries/settings';
import type { Optimiser } from '@/lib/scheduler/fit';
import { cardIds, countOf, exec, loadRealDeck, makeUser } from '../support/fixtures';

const DAY = 86_400_000;

async function studentWithHistory() {
  await loadRealDeck();
  const user = await makeUser();
  let n = 0;
  for (const day of [0, 2, 6]) {
    for (const card of (await cardIds()).slice(0, 40)) {
      const at = new Date(Date.UTC(2026, 1, 2) + day * DAY + n * 1000);
      await recordReview(user.id, { cardId: card, grade: 3, clientId: `r-${n++}`, reviewedAt: at, durationMs: 1000, source: 'review' }, await studySettingsFor(user.id), at);
    }
  }
  return user;
}

/** An optimiser whose fit reports progress and then waits until the test lets it finish. */
function heldOptimiser() {
  let release: (ok: boolean) => void = () => undefined;
  const gate = new Promise<boolean>((resolve) => (release = resolve));
  let reported: () => void = () => undefined;
  const progressed = new Promise<void>((resolve) => (reported = resolve));
  const optimiser: Optimiser = {
    fit: async (_items, onProgress) => {
      onProgress?.(3, 10);
      reported();
      if (!(await gate)) throw new Error('the optimiser failed');
      return [];
    },
    evaluate: async () => ({ logLoss: 0.3, rmse: 0.05 }),
  };
  return { optimiser, progressed, release: (ok = true) => release(ok) };
}

describe('a running fit, shared through the database', () => {
  it('is seen from another connection, refuses a second fit for the student, and ends with the fit', async () => {
    const user = await studentWithHistory();
    const held = heldOptimiser();
    const fit = fitUserParameters(user.id, { optimiser: held.optimiser });
    await held.progressed;
    const other = await openEngine();
    try {
      const r = fsrsFitRuns;
      const row = await other.get(
        sql`SELECT ${r.phase} AS "phase", ${r.done} AS "done", ${r.total} AS "total" FROM ${r} WHERE ${r.userId} = ${user.id}`,
        z.object({ phase: z.string(), done: int, total: int }),
      );
      expect(row).toEqual({ phase: 'fitting', done: 3, total: 10 });
    } finally {
      await other.close();
    }
    expect(await fitProgressOf(user.id)).toEqual({ phase: 'fitting', done: 3, total: 10 });
    await expect(fitUserParameters(user.id, { optimiser: held.optimiser })).rejects.toBeInstanceOf(FitAlreadyRunningError);
    held.release();
    await fit;
    expect(await fitProgressOf(user.id)).toBeNull();
    expect(await countOf(sql`SELECT count(*) AS "n" FROM ${fsrsFitRuns} WHERE ${fsrsFitRuns.userId} = ${user.id}`)).toBe(0);
  });

  it('ends the run when the fit fails', async () => {
    const user = await studentWithHistory();
    const held = heldOptimiser();
    const fit = fitUserParameters(user.id, { optimiser: held.optimiser });
    await held.progressed;
    held.release(false);
    await expect(fit).rejects.toThrow('the optimiser failed');
    expect(await fitProgressOf(user.id)).toBeNull();
  });

  it('takes over a run left by a server that stopped mid-fit', async () => {
    const user = await studentWithHistory();
    const long = Date.now() - FIT_RUN_STALE_MS - 1_000;
    const r = fsrsFitRuns;
    await exec(sql`INSERT INTO ${r} (${bare(r.userId)}, ${bare(r.phase)}, ${bare(r.done)}, ${bare(r.total)}, ${bare(r.startedAt)}, ${bare(r.updatedAt)})
                   VALUES (${user.id}, 'fitting', 5, 10, ${long}, ${long})`);
    expect(await fitProgressOf(user.id)).toBeNull();
    const held = heldOptimiser();
    held.release();
    const out = await fitUserParameters(user.id, { optimiser: held.optimiser });
    expect(out.verdict.items).toBeGreaterThan(0);
    expect(await fitProgressOf(user.id)).toBeNull();
  });
});
