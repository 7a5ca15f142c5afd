/**
 * Which FSRS parameters each student uses, and fitting them: personal parameters fitted from the
 * student's own log, pooled parameters fitted over a deck's or a class's students for those with
 * too little history of their own, the defaults otherwise. Every fit is checked before it is
 * adopted (lib/scheduler/fit/checked-fit.ts) and recorded in fsrs_fits, adopted or not. After a
 * student's parameters change, their card states are replayed with them (./fsrs-rebuild.ts).
 */
import 'server-only';
import { jsonColumnOrNull } from '@/db/json-column';
import { z } from 'zod';
import { db } from '@/db';
import { checkedFit, type FitVerdict, type Optimiser } from '@/lib/scheduler/fit';
import { fsrsOptimiser } from '@/lib/scheduler/fit/optimiser';
import { now as appNow } from '@/lib/clock';
import { historyOfPool, historyOfUser, type PoolScope } from './fsrs-history';
import { rebuildCardStates } from './fsrs-rebuild';
import { claimFitRun, type FitRun } from './fsrs-fit-runs';
import { studySettingsForSync } from './settings-sync-legacy'; // ENGINE-MERGE: await studySettingsFor (settings.ts)

export type ParameterSource = 'default' | 'deck' | 'class' | 'personal';

const weightsSchema = z.array(z.number().finite()).refine((w) => [17, 19, 21].includes(w.length), 'FSRS takes 17, 19 or 21 weights');

/** Decodes a stored weights column (JSON text or already parsed); anything else is no weights. */
export function decodeWeights(value: unknown): number[] | null {
  if (typeof value === 'string') return jsonColumnOrNull(value, weightsSchema);
  const result = weightsSchema.safeParse(value);
  return result.success ? result.data : null;
}

const stmts = {
  inUse: db.$client.prepare<{ userId: number }, { weights: string | null; source: string; fitId: number | null }>(
    'SELECT fsrs_weights AS weights, fsrs_source AS source, fsrs_fit_id AS fitId FROM user_settings WHERE user_id = @userId',
  ),
  setInUse: db.$client.prepare(
    `INSERT INTO user_settings (user_id, fsrs_weights, fsrs_source, fsrs_fit_id) VALUES (@userId, @weights, @source, @fitId)
     ON CONFLICT (user_id) DO UPDATE SET fsrs_weights = excluded.fsrs_weights, fsrs_source = excluded.fsrs_source, fsrs_fit_id = excluded.fsrs_fit_id`,
  ),
  insertFit: db.$client.prepare(
    `INSERT INTO fsrs_fits (scope, scope_id, scope_key, adopted, reason, weights, items, train_items, test_items,
       log_loss_before, rmse_before, log_loss_after, rmse_after, reviews, duration_ms, fitted_at)
     VALUES (@scope, @scopeId, @scopeKey, @adopted, @reason, @weights, @items, @trainItems, @testItems,
       @logLossBefore, @rmseBefore, @logLossAfter, @rmseAfter, @reviews, @durationMs, @fittedAt)`,
  ),
  latestPoolFit: db.$client.prepare<{ scope: string; scopeId: number | null; scopeKey: string | null }, { id: number; weights: string | null }>(
    `SELECT id, weights FROM fsrs_fits WHERE scope = @scope AND scope_id IS @scopeId AND scope_key IS @scopeKey AND adopted = 1
     ORDER BY fitted_at DESC, id DESC LIMIT 1`,
  ),
  // The best pool open to a student: an adopted class pool of a live class they are in, else an
  // adopted deck pool of a deck they have studied; the largest (most items) first.
  bestPool: db.$client.prepare<{ userId: number }, { id: number; scope: 'deck' | 'class'; weights: string | null }>(
    `WITH latest AS (
       SELECT f.id, f.scope, f.scope_id, f.scope_key, f.weights, f.items,
              row_number() OVER (PARTITION BY f.scope, f.scope_id, f.scope_key ORDER BY f.fitted_at DESC, f.id DESC) AS n
       FROM fsrs_fits f WHERE f.scope IN ('deck', 'class') AND f.adopted = 1)
     SELECT l.id, l.scope, l.weights FROM latest l
     WHERE l.n = 1 AND (
       (l.scope = 'class' AND EXISTS (SELECT 1 FROM enrollments e JOIN classes k ON k.id = e.class_id
                                      WHERE e.class_id = l.scope_id AND e.user_id = @userId AND k.archived_at IS NULL))
       OR (l.scope = 'deck' AND EXISTS (SELECT 1 FROM review_logs r JOIN cards c ON c.id = r.card_id
                                        WHERE r.user_id = @userId AND c.deck_id = l.scope_key)))
     ORDER BY l.scope = 'class' DESC, l.items DESC, l.id DESC LIMIT 1`,
  ),
  poolUsers: db.$client.prepare<{ fitId: number }, { userId: number }>(
    `SELECT user_id AS userId FROM user_settings WHERE fsrs_source <> 'personal' AND (fsrs_fit_id IS NULL OR fsrs_fit_id <> @fitId)`,
  ),
};

export interface ParametersInUse {
  source: ParameterSource;
  fitId: number | null;
  weights: number[] | null;
}

export function parametersInUse(userId: number): ParametersInUse {
  const row = stmts.inUse.get({ userId });
  const weights = decodeWeights(row?.weights ?? null);
  const source = weights ? (row?.source as ParameterSource) : 'default';
  return { source: ['deck', 'class', 'personal'].includes(source) ? source : 'default', fitId: weights ? (row?.fitId ?? null) : null, weights };
}

function recordFit(scope: { scope: 'user' | 'deck' | 'class'; scopeId: number | null; scopeKey: string | null }, v: FitVerdict, reviews: number, durationMs: number): number {
  const info = stmts.insertFit.run({
    ...scope,
    adopted: v.adopted ? 1 : 0,
    reason: v.reason,
    weights: v.adopted && v.weights ? JSON.stringify(v.weights) : null,
    items: v.items,
    trainItems: v.trainItems,
    testItems: v.testItems,
    logLossBefore: v.before?.logLoss ?? null,
    rmseBefore: v.before?.rmse ?? null,
    logLossAfter: v.after?.logLoss ?? null,
    rmseAfter: v.after?.rmse ?? null,
    reviews,
    durationMs: Math.round(durationMs),
    fittedAt: appNow().getTime(),
  });
  return Number(info.lastInsertRowid);
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

const defaultOptimiser = (userId?: number): Optimiser =>
  fsrsOptimiser({ relearningSteps: userId === undefined ? 1 : (studySettingsForSync(userId).scheduler.relearningSteps?.length ?? 1) });

/**
 * Fits this student's own parameters and adopts them if they beat those in use on the student's
 * latest reviews. One at a time per student: throws FitAlreadyRunningError while another runs.
 */
export async function fitUserParameters(
  userId: number,
  options: { optimiser?: Optimiser; onProgress?: (done: number, total: number) => void } = {},
): Promise<FitOutcome> {
  const run = claimFitRun(userId);
  if (!run) throw new FitAlreadyRunningError();
  try {
    const started = performance.now();
    const history = historyOfUser(userId);
    const inUse = parametersInUse(userId);
    return await fitAndAdopt(userId, history, inUse.weights, started, run, options);
  } finally {
    run.end();
  }
}

async function fitAndAdopt(
  userId: number,
  history: ReturnType<typeof historyOfUser>,
  current: number[] | null,
  started: number,
  run: FitRun,
  options: { optimiser?: Optimiser; onProgress?: (done: number, total: number) => void },
): Promise<FitOutcome> {
  const onProgress = (done: number, total: number) => {
    run.progress({ phase: 'fitting', done, total });
    options.onProgress?.(done, total);
  };
  const verdict = await checkedFit(history.items, current, options.optimiser ?? defaultOptimiser(userId), onProgress);
  const fitId = db.$client
    .transaction(() => {
      const id = recordFit({ scope: 'user', scopeId: userId, scopeKey: null }, verdict, history.reviews, performance.now() - started);
      if (verdict.adopted) stmts.setInUse.run({ userId, weights: JSON.stringify(verdict.weights), source: 'personal', fitId: id });
      return id;
    })
    .immediate();
  const rebuilt = verdict.adopted
    ? (await rebuildCardStates(userId, { afterBatch: (p) => run.progress({ phase: 'replaying', ...p }) })).total
    : 0;
  return { verdict, fitId, rebuilt };
}

function poolKey(scope: PoolScope) {
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
  const current = decodeWeights(stmts.latestPoolFit.get(key)?.weights ?? null);
  const verdict = await checkedFit(history.items, current, options.optimiser ?? defaultOptimiser());
  const fitId = recordFit(key, verdict, history.reviews, performance.now() - started);
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
  for (const { userId } of stmts.poolUsers.all({ fitId: exceptOnFit })) {
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
  const inUse = parametersInUse(userId);
  if (inUse.source === 'personal') return null;
  const best = stmts.bestPool.get({ userId });
  const weights = decodeWeights(best?.weights ?? null);
  const next = best && weights ? { source: best.scope, fitId: best.id, weights } : { source: 'default' as const, fitId: null, weights: null };
  if (next.fitId === inUse.fitId) return null;
  stmts.setInUse.run({ userId, weights: next.weights ? JSON.stringify(next.weights) : null, source: next.source, fitId: next.fitId });
  return (await rebuildCardStates(userId)).total;
}

/** Goes back to the pool or the defaults (the student's choice on the settings page). */
export async function dropPersonalParameters(userId: number): Promise<void> {
  if (parametersInUse(userId).source !== 'personal') return;
  stmts.setInUse.run({ userId, weights: null, source: 'default', fitId: null });
  if ((await applyBestPool(userId)) === null) await rebuildCardStates(userId);
}
