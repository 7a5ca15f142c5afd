/**
 * Predicted vs observed recall for one class (lib/teach/calibration.ts says why): every review of
 * a learned card (state Review before it) by an enrolled student on a deck assigned to the class,
 * over the last `days` days. The prediction is the student's own parameters (recall_at, the same
 * curve as the memory goal) applied to the card's state after its previous review.
 */
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { int } from '@/db/engine/rows';
import { assignments, cards, classes, decks, enrollments, reviewLogs, sections, userSettings } from '@/db/schema';
import { bandOf, type CalibrationRow } from '@/lib/teach/calibration';
import { teachesClass } from './access-sql';

const e = alias(enrollments, 'e');
const k = alias(classes, 'k');
const us = alias(userSettings, 'us');
const r = alias(reviewLogs, 'r');
const c = alias(cards, 'c');
const sec = alias(sections, 'sec');
const d = alias(decks, 'd');

interface Window {
  classId: number;
  instructorId: number;
  since: number;
  until: number;
}

// forecasts (card_id, p, ok): each counted review's predicted recall and whether it passed (1/0).
function forecasts(w: Window): SQL {
  return sql`
  students AS MATERIALIZED (
    SELECT ${e.userId} AS user_id, ${us.fsrsWeights} AS weights FROM ${enrollments} ${e} JOIN ${classes} ${k} ON ${k.id} = ${e.classId}
    LEFT JOIN ${userSettings} ${us} ON ${us.userId} = ${e.userId}
    WHERE ${e.classId} = ${w.classId} AND ${teachesClass(w.instructorId, k.id)}),
  assigned AS MATERIALIZED (
    SELECT ${cards.id} AS id FROM ${cards} WHERE ${cards.deckId} IN (SELECT ${assignments.deckId} FROM ${assignments} WHERE ${assignments.classId} = ${w.classId})),
  ordered AS (
    SELECT ${r.userId} AS user_id, ${r.cardId} AS card_id, ${r.reviewedAt} AS reviewed_at, ${r.rating} AS rating, ${r.stateBefore} AS state_before,
           lag(${r.reviewedAt}) OVER w AS prev_at, lag(${r.stabilityAfter}) OVER w AS prev_s
    FROM ${reviewLogs} ${r} JOIN students s ON s.user_id = ${r.userId} JOIN assigned ac ON ac.id = ${r.cardId}
    WHERE ${r.undoneAt} IS NULL AND ${r.reviewedAt} < ${w.until}
    WINDOW w AS (PARTITION BY ${r.userId}, ${r.cardId} ORDER BY ${r.reviewedAt}, ${r.id})),
  forecasts AS (
    SELECT o.card_id, recall_at(o.prev_at, o.prev_s, o.reviewed_at, s.weights) AS p, CASE WHEN o.rating > 1 THEN 1 ELSE 0 END AS ok
    FROM ordered o JOIN students s ON s.user_id = o.user_id
    WHERE o.state_before = 2 AND o.prev_at IS NOT NULL AND o.reviewed_at >= ${w.since})`;
}

const sectionRow = z.object({ sectionId: int, title: z.string(), deckTitle: z.string(), reviews: int, predicted: z.number(), observed: z.number() });
const forecastRow = z.object({ p: z.number(), ok: int });

export interface ClassCalibration {
  sections: (CalibrationRow & { sectionId: number; title: string; deckTitle: string })[];
  bands: (CalibrationRow & { band: number })[];
  total: CalibrationRow;
}

/** Empty when the instructor does not teach the class (callers 404 before this). */
export async function classCalibrationFor(instructorId: number, classId: number, at: Date, days = 90): Promise<ClassCalibration> {
  const db = await engine();
  const w = { classId, instructorId, since: at.getTime() - days * 86_400_000, until: at.getTime() };
  const sectionRows = await db.all(
    sql`WITH ${forecasts(w)}
    SELECT ${sec.id} AS "sectionId", ${sec.title} AS "title", ${d.title} AS "deckTitle", count(*) AS "reviews", avg(f.p) AS "predicted", avg(f.ok) AS "observed"
    FROM forecasts f JOIN ${cards} ${c} ON ${c.id} = f.card_id JOIN ${sections} ${sec} ON ${sec.id} = ${c.sectionId} JOIN ${decks} ${d} ON ${d.id} = ${sec.deckId}
    GROUP BY ${sec.id}, ${sec.title}, ${sec.position}, ${d.title} ORDER BY ${d.title}, ${sec.position}`,
    sectionRow,
  );
  // Bands in JS: one pass over the forecasts (a few numbers each), bands defined in one place.
  const bands = new Map<number, { reviews: number; p: number; ok: number }>();
  let reviews = 0;
  let p = 0;
  let ok = 0;
  for (const f of await db.all(sql`WITH ${forecasts(w)} SELECT f.p AS "p", f.ok AS "ok" FROM forecasts f`, forecastRow)) {
    const b = bandOf(f.p);
    const acc = bands.get(b) ?? { reviews: 0, p: 0, ok: 0 };
    acc.reviews++;
    acc.p += f.p;
    acc.ok += f.ok;
    bands.set(b, acc);
    reviews++;
    p += f.p;
    ok += f.ok;
  }
  return {
    sections: sectionRows,
    bands: [...bands.entries()].sort((x, y) => x[0] - y[0]).map(([band, v]) => ({ band, reviews: v.reviews, predicted: v.p / v.reviews, observed: v.ok / v.reviews })),
    total: { reviews, predicted: reviews ? p / reviews : 0, observed: reviews ? ok / reviews : 0 },
  };
}
