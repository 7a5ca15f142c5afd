/**
 * Which FSRS parameters each student uses, and fitting them: personal parameters fitted from the
 * student's own log, pooled parameters fitted over a deck's or a class's students for those with
 * too little history of their own, the defaults otherwise. Every fit is checked before it is
 * adopted (lib/scheduler/fit/checked-fit.ts) and recorded in fsrs_fits, adopted or not. After a
 * student's parameters change, their card states are replayed with them (./fsrs-rebuild.ts).
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { bare } from '@/db/engine/fragments';
import { int, jsonText } from '@/db/engine/rows';
import type { Queryable } from '@/db/engine/types';
import { cards, classes, enrollments, fsrsFits, reviewLogs, userSettings } from '@/db/schema';
import { checkedFit, type FitVerdict, type Optimiser } from '@/lib/scheduler/fit';
import { fsrsOptimiser } from '@/lib/scheduler/fit/optimiser';
import { now as appNow } from '@/lib/clock';
import { historyOfPool, historyOfUser, type History, type PoolScope } from './fsrs-history';
import { rebuildCardStates } from './fsrs-rebuild';
import { claimFitRun, type FitRun } from './fsrs-fit-runs';
import { studySettingsFor } from './settings';

export type ParameterSource = 'default' | 'deck' | 'class' | 'personal';

const weightsSchema = z.array(z.number().finite()).refine((w) => [17, 19, 21].includes(w.length), 'FSRS takes 17, 19 or 21 weights');
/** A stored weights column: anything but 17, 19 or 21 finite numbers counts as no weights (the defaults). */
const storedWeights = jsonText(weightsSchema).nullable().catch(null);

const inUseRow = z.object({
  weights: storedWeights,
  source: z.enum(['default', 'deck', 'class', 'personal']).catch('default'),
  fitId: int.nullable(),
});
const poolFitRow = z.object({ id: int, scope: z.enum(['deck', 'class']), weights: storedWeights });
const userRow = z.object({ userId: int });
const idRow = z.object({ id: int });
const weightsRow = z.object({ weights: storedWeights });

type ScopeKey = { scope: 'user' | 'deck' | 'class'; scopeId: number | null; scopeKey: string | null };

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

export interface ParametersInUse {
  source: ParameterSource;
  fitId: number | null;
  weights: number[] | null;
}

export async function parametersInUse(userId: number): Promise<ParametersInUse> {
  const db = await engine();
  const u = userSettings;
  const row = await db.get(
    sql`SELECT ${db.fragments.jsonText(u.fsrsWeights)} AS "weights", ${u.fsrsSource} AS "source", ${u.fsrsFitId} AS "fitId"
      FROM ${u} WHERE ${u.userId} = ${userId}`,
    inUseRow,
  );
  const weights = row?.weights ?? null;
  if (!weights || !row) return { source: 'default', fitId: null, weights: null };
  return { source: row.source, fitId: row.fitId, weights };
}

/** Records a fit, adopted or not, in `q`; its id. */
async function recordFitIn(q: Queryable, scope: ScopeKey, v: FitVerdict, reviews: number, durationMs: number): Promise<number> {
  const f = fsrsFits;
  const weights = v.adopted && v.weights ? q.fragments.json(v.weights) : sql`NULL`;
  const row = await q.get(
    sql`INSERT INTO ${f} (${bare(f.scope)}, ${bare(f.scopeId)}, ${bare(f.scopeKey)}, ${bare(f.adopted)}, ${bare(f.reason)}, ${bare(f.weights)},
        ${bare(f.items)}, ${bare(f.trainItems)}, ${bare(f.testItems)}, ${bare(f.logLossBefore)}, ${bare(f.rmseBefore)},
        ${bare(f.logLossAfter)}, ${bare(f.rmseAfter)}, ${bare(f.reviews)}, ${bare(f.durationMs)}, ${bare(f.fittedAt)})
      VALUES (${scope.scope}, ${scope.scopeId}, ${scope.scopeKey}, ${q.fragments.bool(v.adopted)}, ${v.reason}, ${weights},
        ${v.items}, ${v.trainItems}, ${v.testItems}, ${v.before?.logLoss ?? null}, ${v.before?.rmse ?? null},
        ${v.after?.logLoss ?? null}, ${v.after?.rmse ?? null}, ${reviews}, ${Math.round(durationMs)}, ${appNow().getTime()})
      RETURNING ${f.id} AS "id"`,
    idRow,
  );
  if (!row) throw new Error('The fit was not recorded.');
  return row.id;
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

/** The weights of a pool's latest adopted fit (null: none yet, or none usable). */
async function latestPoolWeights(key: ScopeKey): Promise<number[] | null> {
  const db = await engine();
  const f = fsrsFits;
  const row = await db.get(
    sql`SELECT ${db.fragments.jsonText(f.weights)} AS "weights" FROM ${f}
      WHERE ${f.scope} = ${key.scope} AND ${f.scopeId} IS NOT DISTINCT FROM CAST(${key.scopeId} AS integer)
        AND ${f.scopeKey} IS NOT DISTINCT FROM CAST(${key.scopeKey} AS text) AND ${f.adopted} = ${db.fragments.bool(true)}
      ORDER BY ${f.fittedAt} DESC, ${f.id} DESC LIMIT 1`,
    weightsRow,
  );
  return row?.weights ?? null;
}

/**
 * The best pool open to a student: an adopted class pool of a live class they are in, else an
 * adopted deck pool of a deck they have studied; the largest (most items) first.
 */
async function bestPoolFor(userId: number): Promise<z.infer<typeof poolFitRow> | undefined> {
  const db = await engine();
  const f = alias(fsrsFits, 'f');
  const r = alias(reviewLogs, 'r');
  const c = alias(cards, 'c');
  const e = alias(enrollments, 'e');
  const k = alias(classes, 'k');
  return db.get(
    sql`WITH latest AS (
        SELECT ${f.id} AS id, ${f.scope} AS scope, ${f.scopeId} AS scope_id, ${f.scopeKey} AS scope_key, ${f.weights} AS weights, ${f.items} AS items,
               row_number() OVER (PARTITION BY ${f.scope}, ${f.scopeId}, ${f.scopeKey} ORDER BY ${f.fittedAt} DESC, ${f.id} DESC) AS n
        FROM ${fsrsFits} ${f} WHERE ${f.scope} IN ('deck', 'class') AND ${f.adopted} = ${db.fragments.bool(true)})
      SELECT l.id AS "id", l.scope AS "scope", ${db.fragments.jsonText(sql`l.weights`)} AS "weights" FROM latest l
      WHERE l.n = 1 AND (
        (l.scope = 'class' AND EXISTS (SELECT 1 FROM ${enrollments} ${e} JOIN ${classes} ${k} ON ${k.id} = ${e.classId}
                                       WHERE ${e.classId} = l.scope_id AND ${e.userId} = ${userId} AND ${k.archivedAt} IS NULL))
        OR (l.scope = 'deck' AND EXISTS (SELECT 1 FROM ${reviewLogs} ${r} JOIN ${cards} ${c} ON ${c.id} = ${r.cardId}
                                         WHERE ${r.userId} = ${userId} AND ${c.deckId} = l.scope_key)))
      ORDER BY CASE WHEN l.scope = 'class' THEN 1 ELSE 0 END DESC, l.items DESC, l.id DESC LIMIT 1`,
    poolFitRow,
  );
}
