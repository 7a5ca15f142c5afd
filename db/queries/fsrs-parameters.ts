/**
 * Which FSRS parameters each student uses, and fitting them: personal parameters fitted from the
 * student's own log, pooled parameters fitted over a deck's or a class's students for those with
 * too little history of their own, the defaults otherwise. Every fit is checked before it is
 * adopted (lib/scheduler/fit/checked-fit.ts) and recorded in fsrs_fits, adopted or not. After a
 * student's parameters change, their card states are replayed with them (./fsrs-rebuild.ts).
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { bare } from '@/db/engine/fragments';
import { int } from '@/db/engine/rows';
import type { Queryable } from '@/db/engine/types';
import { userSettings } from '@/db/schema';
import { checkedFit, type FitVerdict, type Optimiser } from '@/lib/scheduler/fit';
import { fsrsOptimiser } from '@/lib/scheduler/fit/optimiser';
import { bestPoolFor, latestPoolWeights, parametersInUse, recordFitIn, type ParameterSource, type ScopeKey } from './fsrs-fits';
import { historyOfPool, historyOfUser, type History, type PoolScope } from './fsrs-history';
import { rebuildCardStates } from './fsrs-rebuild';
import { claimFitRun, type FitRun } from './fsrs-fit-runs';
import { studySettingsFor } from './settings';

const userRow = z.object({ userId: int });

export { parametersInUse, type ParameterSource, type ParametersInUse } from './fsrs-fits';

/** Sets the parameters a student uses (weights null: the defaults). */
async function setInUseIn(q: Queryable, userId: number, next: { weights: number[] | null; source: ParameterSource; fitId: number | null }): Promise<void> {
  const u = userSettings;
  const weights = next.weights ? q.fragments.json(next.weights) : sql`NULL`;
  await q.run(
    sql`INSERT INTO ${u} (${bare(u.userId)}, ${bare(u.fsrsWeights)}, ${bare(u.fsrsSource)}, ${bare(u.fsrsFitId)})
      VALUES (${userId}, ${weights}, ${next.source}, ${next.fitId})
      ON CONFLICT (${bare(u.userId)}) DO UPDATE SET ${bare(u.fsrsWeights)} = excluded.${bare(u.fsrsWeights)},
        ${bare(u.fsrsSource)} = excluded.${bare(u.fsrsSource)}, ${bare(u.fsrsFitId)} = excluded.${bare(u.fsrsFitId)}`,
  );
}

export { fitProgressOf, type FitProgress } from './fsrs-fit-runs';

/** Thrown when the student's fit is already running (on this server or another). */
export class FitAlreadyRunningError extends Error {
  constructor() {
    super('A fit is already running for this student.');
  }
}

export interface FitOutcome {
  verdict: FitVerdict;
  fitId: number;
  /** Cards whose state was replayed with the new parameters (0 when nothing was adopted). */
  rebuilt: number;
}

async function defaultOptimiser(userId?: number): Promise<Optimiser> {
  const relearningSteps = userId === undefined ? 1 : ((await studySettingsFor(userId)).scheduler.relearningSteps?.length ?? 1);
  return fsrsOptimiser({ relearningSteps });
}

/**
 * Fits this student's own parameters and adopts them if they beat those in use on the student's
 * latest reviews. One at a time per student: throws FitAlreadyRunningError while another runs.
 */
export async function fitUserParameters(
  userId: number,
  options: { optimiser?: Optimiser; onProgress?: (done: number, total: number) => void } = {},
): Promise<FitOutcome> {
  const run = await claimFitRun(userId);
  if (!run) throw new FitAlreadyRunningError();
  try {
    const started = performance.now();
    const history = await historyOfUser(userId);
    const inUse = await parametersInUse(userId);
    return await fitAndAdopt(userId, history, inUse.weights, started, run, options);
  } finally {
    await run.end();
  }
}

async function fitAndAdopt(
  userId: number,
  history: History,
  current: number[] | null,
  started: number,
  run: FitRun,
  options: { optimiser?: Optimiser; onProgress?: (done: number, total: number) => void },
): Promise<FitOutcome> {
  const onProgress = (done: number, total: number) => {
    run.progress({ phase: 'fitting', done, total });
    options.onProgress?.(done, total);
  };
  const verdict = await checkedFit(history.items, current, options.optimiser ?? (await defaultOptimiser(userId)), onProgress);
  const db = await engine();
  const fitId = await db.transaction(async (tx) => {
    const id = await recordFitIn(tx, { scope: 'user', scopeId: userId, scopeKey: null }, verdict, history.reviews, performance.now() - started);
    if (verdict.adopted) await setInUseIn(tx, userId, { weights: verdict.weights, source: 'personal', fitId: id });
    return id;
  });
  const rebuilt = verdict.adopted
    ? (await rebuildCardStates(userId, { afterBatch: (p) => run.progress({ phase: 'replaying', ...p }) })).total
    : 0;
  return { verdict, fitId, rebuilt };
}

function poolKey(scope: PoolScope): ScopeKey {
  return scope.kind === 'deck' ? { scope: 'deck' as const, scopeId: null, scopeKey: scope.deckId } : { scope: 'class' as const, scopeId: scope.classId, scopeKey: null };
}

export interface PoolFitOutcome extends FitOutcome {
  learners: number;
  /** Students who moved to these parameters (and whose cards were replayed). */
  switched: number;
}

/**
 * Fits a pool's parameters, checked against the pool's current ones (the defaults the first time)
 * on the pool's latest reviews; when adopted (and `reassign` is not false), every student without
 * personal parameters moves to the best pool open to them and has their cards replayed, one
 * student at a time. A refit of every pool passes `reassign: false` and reassigns once at the end
 * (./fsrs-refit.ts), so a student in several pools is replayed once, not once per pool.
 */
export async function fitPoolParameters(scope: PoolScope, options: { optimiser?: Optimiser; reassign?: boolean } = {}): Promise<PoolFitOutcome> {
  const started = performance.now();
  const key = poolKey(scope);
  const history = await historyOfPool(scope);
  const current = await latestPoolWeights(key);
  const verdict = await checkedFit(history.items, current, options.optimiser ?? (await defaultOptimiser()));
  const db = await engine();
  const fitId = await recordFitIn(db, key, verdict, history.reviews, performance.now() - started);
  const moved = verdict.adopted && options.reassign !== false ? await reassignPooledStudents(fitId) : { switched: 0, rebuilt: 0 };
  return { verdict, fitId, learners: history.learners, ...moved };
}

/**
 * Moves every student without personal parameters to the best pool open to them, replaying the
 * cards of those who moved. `exceptOnFit`: skip students already on that fit (just adopted).
 */
export async function reassignPooledStudents(exceptOnFit = 0): Promise<{ switched: number; rebuilt: number }> {
  let switched = 0;
  let rebuilt = 0;
  const db = await engine();
  const u = userSettings;
  const pooled = await db.all(
    sql`SELECT ${u.userId} AS "userId" FROM ${u}
      WHERE ${u.fsrsSource} <> 'personal' AND (${u.fsrsFitId} IS NULL OR ${u.fsrsFitId} <> ${exceptOnFit})`,
    userRow,
  );
  for (const { userId } of pooled) {
    const moved = await applyBestPool(userId);
    if (moved !== null) {
      switched++;
      rebuilt += moved;
    }
  }
  return { switched, rebuilt };
}

/**
 * Moves a student without personal parameters to the best pool open to them (or back to the
 * defaults). Returns the number of cards replayed, or null when nothing changed.
 */
export async function applyBestPool(userId: number): Promise<number | null> {
  const inUse = await parametersInUse(userId);
  if (inUse.source === 'personal') return null;
  const best = await bestPoolFor(userId);
  const next = best?.weights ? { source: best.scope, fitId: best.id, weights: best.weights } : { source: 'default' as const, fitId: null, weights: null };
  if (next.fitId === inUse.fitId) return null;
  await setInUseIn(await engine(), userId, next);
  return (await rebuildCardStates(userId)).total;
}

/** Goes back to the pool or the defaults (the student's choice on the settings page). */
export async function dropPersonalParameters(userId: number): Promise<void> {
  if ((await parametersInUse(userId)).source !== 'personal') return;
  await setInUseIn(await engine(), userId, { weights: null, source: 'default', fitId: null });
  if ((await applyBestPool(userId)) === null) await rebuildCardStates(userId);
}
