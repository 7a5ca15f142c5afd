/**
 * Predicted vs observed recall for one class (lib/teach/calibration.ts says why): every review of
 * a learned card (state Review before it) by an enrolled student on a deck assigned to the class,
 * over the last `days` days. The prediction is the student's own parameters (recall_at, the same
 * curve as the memory goal) applied to the card's state after its previous review.
 */
import 'server-only';
import { db } from '@/db';
import { teachesClassSql } from './access';
import '@/db/recall-function';
import { bandOf, type CalibrationRow } from '@/lib/teach/calibration';

const FORECASTS = `
  students AS MATERIALIZED (
    SELECT e.user_id, us.fsrs_weights AS weights FROM enrollments e JOIN classes k ON k.id = e.class_id
    LEFT JOIN user_settings us ON us.user_id = e.user_id
    WHERE e.class_id = @classId AND ${teachesClassSql('k.id')}),
  assigned AS MATERIALIZED (
    SELECT c.id, c.section_id FROM cards c WHERE c.deck_id IN (SELECT a.deck_id FROM assignments a WHERE a.class_id = @classId)),
  ordered AS (
    SELECT r.user_id, r.card_id, r.reviewed_at, r.rating, r.state_before,
           lag(r.reviewed_at) OVER w AS prev_at, lag(r.stability_after) OVER w AS prev_s
    FROM review_logs r JOIN students s ON s.user_id = r.user_id JOIN assigned c ON c.id = r.card_id
    WHERE r.undone_at IS NULL AND r.reviewed_at < @until
    WINDOW w AS (PARTITION BY r.user_id, r.card_id ORDER BY r.reviewed_at, r.id)),
  forecasts AS (
    SELECT o.card_id, recall_at(o.prev_at, o.prev_s, o.reviewed_at, s.weights) AS p, o.rating > 1 AS ok
    FROM ordered o JOIN students s ON s.user_id = o.user_id
    WHERE o.state_before = 2 AND o.prev_at IS NOT NULL AND o.reviewed_at >= @since)`;

const bySection = db.$client.prepare<
  { classId: number; instructorId: number; since: number; until: number },
  { sectionId: number; title: string; deckTitle: string; reviews: number; predicted: number; observed: number }
>(
  `WITH ${FORECASTS}
   SELECT sec.id AS sectionId, sec.title, d.title AS deckTitle, count(*) AS reviews, avg(f.p) AS predicted, avg(f.ok) AS observed
   FROM forecasts f JOIN cards c ON c.id = f.card_id JOIN sections sec ON sec.id = c.section_id JOIN decks d ON d.id = sec.deck_id
   GROUP BY sec.id ORDER BY d.title, sec.position`,
);

const byBand = db.$client.prepare<{ classId: number; instructorId: number; since: number; until: number }, { p: number; ok: number }>(
  `WITH ${FORECASTS} SELECT f.p, f.ok FROM forecasts f`,
);

export interface ClassCalibration {
  sections: (CalibrationRow & { sectionId: number; title: string; deckTitle: string })[];
  bands: (CalibrationRow & { band: number })[];
  total: CalibrationRow;
}

/** Empty when the instructor does not teach the class (callers 404 before this). */
export function classCalibrationFor(instructorId: number, classId: number, at: Date, days = 90): ClassCalibration {
  const args = { classId, instructorId, since: at.getTime() - days * 86_400_000, until: at.getTime() };
  const sections = bySection.all(args);
  // Bands in JS: one pass over the forecasts (a few numbers each), bands defined in one place.
  const bands = new Map<number, { reviews: number; p: number; ok: number }>();
  let reviews = 0;
  let p = 0;
  let ok = 0;
  for (const f of byBand.iterate(args)) {
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
    sections,
    bands: [...bands.entries()].sort((a, b) => a[0] - b[0]).map(([band, v]) => ({ band, reviews: v.reviews, predicted: v.p / v.reviews, observed: v.ok / v.reviews })),
    total: { reviews, predicted: reviews ? p / reviews : 0, observed: reviews ? ok / reviews : 0 },
  };
}
