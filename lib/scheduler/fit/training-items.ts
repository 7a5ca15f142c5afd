/**
 * Turns a review log into FSRS training items, the unit the optimiser learns from.
 * An item is one card's history up to one review: every earlier review with the number of study
 * days since the one before (0 for the first, and for a repeat on the same day), ending with the
 * review whose outcome is to be predicted. Only reviews on a later study day than the card's
 * previous one make an item (a same-day repeat says little about long-term memory; fsrs-rs
 * skips such items too), but they stay in the history of the items after them.
 * Pure: the caller supplies the study-day numbering (the student's time zone and rollover).
 */
import type { Grade } from '../types';

export interface FitReview {
  cardId: number;
  /** Epoch milliseconds. */
  reviewedAt: number;
  rating: Grade;
}

export interface TrainingStep {
  rating: Grade;
  /** Study days since the previous review of the card; 0 for its first review. */
  deltaT: number;
}

export interface TrainingItem {
  steps: TrainingStep[];
  /** When the item's last (predicted) review happened: what time-ordered splits sort by. */
  at: number;
}

/**
 * @param dayNumber the study day an instant belongs to, as a day count (any fixed origin).
 * @example trainingItems([{ cardId: 1, reviewedAt: t0, rating: 3 }, { cardId: 1, reviewedAt: t0 + 2 * DAY, rating: 3 }], day)
 *   // [{ steps: [{ rating: 3, deltaT: 0 }, { rating: 3, deltaT: 2 }], at: t0 + 2 * DAY }]
 */
export function trainingItems(reviews: readonly FitReview[], dayNumber: (epochMs: number) => number): TrainingItem[] {
  const byCard = new Map<number, FitReview[]>();
  for (const r of reviews) {
    const list = byCard.get(r.cardId);
    if (list) list.push(r);
    else byCard.set(r.cardId, [r]);
  }
  const items: TrainingItem[] = [];
  for (const list of byCard.values()) {
    list.sort((a, b) => a.reviewedAt - b.reviewedAt);
    const steps: TrainingStep[] = [];
    let previousDay = 0;
    for (const [i, r] of list.entries()) {
      const day = dayNumber(r.reviewedAt);
      const deltaT = i === 0 ? 0 : Math.max(0, day - previousDay);
      steps.push({ rating: r.rating, deltaT });
      previousDay = day;
      if (i > 0 && deltaT > 0) items.push({ steps: steps.slice(), at: r.reviewedAt });
    }
  }
  return items.sort((a, b) => a.at - b.at);
}

/**
 * Splits time-ordered items into the earlier part to fit on and the later part to check on.
 * The later part is `testShare` of the items (at least `minTest`, at most `maxTest`), so the check
 * asks the question that matters: do these parameters predict what this student did most recently?
 * The cap bounds the check's cost: evaluation is synchronous (2,000 items ≈ 0.1–0.25 s here), and
 * 2,000 outcomes already pin a log loss to about ±0.01.
 */
export function timeOrderedSplit(
  items: readonly TrainingItem[],
  testShare = 0.2,
  minTest = 16,
  maxTest = 2_000,
): { train: TrainingItem[]; test: TrainingItem[] } {
  const ordered = [...items].sort((a, b) => a.at - b.at);
  const nTest = Math.min(ordered.length, maxTest, Math.max(minTest, Math.round(ordered.length * testShare)));
  return { train: ordered.slice(0, ordered.length - nTest), test: ordered.slice(ordered.length - nTest) };
}
