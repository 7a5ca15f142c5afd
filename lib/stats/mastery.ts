/**
 * Mastery breakdown of a set of cards (e.g. a deck or section) at a moment.
 *
 * Definitions (every card is in exactly one bucket):
 * - suspended: suspended cards, whatever their state;
 * - new: never studied (no state, or state New);
 * - learning: in (re)learning steps (state 1/3), or in Review but with
 *   retrievability now below `threshold` (probably forgotten, needs work);
 * - mastered: in Review with retrievability now ≥ `threshold`.
 * total = new + learning + mastered + suspended.
 */
import { retrievabilityWith } from '@/lib/scheduler/scheduler';
import type { CardState, SchedulerSettings } from '@/lib/scheduler/types';

export interface MasteryCounts {
  new: number;
  learning: number;
  mastered: number;
  suspended: number;
  total: number;
}

/**
 * Count cards per mastery bucket at `now`.
 * @example masteryCounts(cards, now, settings) // { new: 10, learning: 3, mastered: 7, suspended: 1, total: 21 }
 */
export function masteryCounts(
  cards: readonly { state: Pick<CardState, 'state' | 'stability' | 'lastReview'> | null; suspended: boolean }[],
  now: Date,
  settings: SchedulerSettings,
  threshold: number = 0.9,
): MasteryCounts {
  const out: MasteryCounts = { new: 0, learning: 0, mastered: 0, suspended: 0, total: cards.length };
  const retrievability = retrievabilityWith(settings);
  for (const { state, suspended } of cards) {
    if (suspended) out.suspended++;
    else if (state === null || state.state === 0) out.new++;
    else if (state.state === 2 && retrievability(state, now) >= threshold) out.mastered++;
    else out.learning++;
  }
  return out;
}
