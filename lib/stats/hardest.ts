/**
 * "Hardest cards" list: the cards a learner struggles with most.
 */

export interface HardnessRow {
  cardId: number;
  lapses: number;
  difficulty: number;
  reviews: number;
  againCount: number;
}

/**
 * Top `n` cards by lapses (desc), then Again rate = againCount / reviews
 * (desc; 0 when never reviewed), then FSRS difficulty (desc), then cardId (asc).
 * Returns the rows with their `againRate`.
 * @example hardestCards(rows, 10)[0] // { cardId: 42, lapses: 6, againRate: 0.5, ... }
 */
export function hardestCards<T extends HardnessRow>(rows: readonly T[], n: number): (T & { againRate: number })[] {
  if (!(n > 0)) return [];
  return rows
    .map((r) => ({ ...r, againRate: r.reviews > 0 ? r.againCount / r.reviews : 0 }))
    .sort(
      (a, b) =>
        b.lapses - a.lapses || b.againRate - a.againRate || b.difficulty - a.difficulty || a.cardId - b.cardId,
    )
    .slice(0, Math.floor(n));
}
