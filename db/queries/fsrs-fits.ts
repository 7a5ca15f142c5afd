/**
 * The rows behind the FSRS parameters: the parameters a student uses (user_settings, decoded:
 * stored weights that are not 17, 19 or 21 finite numbers count as the defaults) and the fits
 * (fsrs_fits): recording one, a pool's latest adopted fit, the best pool open to a student.
 * The fitting itself is fsrs-parameters.ts. On the engine (db/engine): SQLite and PostgreSQL.
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
import type { FitVerdict } from '@/lib/scheduler/fit';
import { now as appNow } from '@/lib/clock';

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
const idRow = z.object({ id: int });
const weightsRow = z.object({ weights: storedWeights });

export type ScopeKey = { scope: 'user' | 'deck' | 'class'; scopeId: number | null; scopeKey: string | null };

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
export async function recordFitIn(q: Queryable, scope: ScopeKey, v: FitVerdict, reviews: number, durationMs: number): Promise<number> {
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

/** The weights of a pool's latest adopted fit (null: none yet, or none usable). */
export async function latestPoolWeights(key: ScopeKey): Promise<number[] | null> {
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
export async function bestPoolFor(userId: number): Promise<z.infer<typeof poolFitRow> | undefined> {
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
