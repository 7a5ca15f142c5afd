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

const DAY_MS = 86_400_000;
/** Relative margin around the mastered/learning crossing inside which cards are tested exactly. */
const BAND = 1e-6;
// Probe elapsed times must stay within Date's range (±8.64e15 ms).
const MAX_RATIO = 1e5;

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

/**
 * Where "mastered" ends, as elapsed time over stability, so a query can count most Review cards
 * without computing their retrievability: a card with elapsed/stability ≤ `masteredUpTo` is
 * mastered, one with ≥ `learningFrom` is not, and only the rare card in between needs the exact
 * `masteryCounts` test. Found by bisection on the same retrievability function (FSRS retrievability
 * depends on elapsed/stability only and falls as it grows); the margin of one part in a million
 * around the crossing covers rounding, so both sides agree with `masteryCounts` exactly.
 * Requires 0 < threshold ≤ 1 (cards without stability, retrievability 0, are never mastered).
 * @example masteredRatioBand(settings) // { masteredUpTo: 0.999999…, learningFrom: 1.000001… } for 0.9
 */
export function masteredRatioBand(settings: SchedulerSettings, threshold: number = 0.9): { masteredUpTo: number; learningFrom: number } {
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError(`threshold must be in (0, 1], got ${threshold}`);
  const retrievability = retrievabilityWith(settings);
  // A probe card of 1000 days' stability: whole milliseconds resolve the ratio to ~1e-11.
  const stability = 1000;
  const probe = { state: 2 as const, stability, lastReview: new Date(0) };
  const mastered = (ratio: number) => retrievability(probe, new Date(Math.round(ratio * stability * DAY_MS))) >= threshold;
  let lo = 0; // mastered (retrievability 1 at no elapsed time)
  let hi = MAX_RATIO;
  if (mastered(hi)) return { masteredUpTo: 0, learningFrom: Number.MAX_VALUE }; // no crossing in reach: test every card
  while (hi - lo > hi * 1e-12) {
    const mid = (lo + hi) / 2;
    if (mastered(mid)) lo = mid;
    else hi = mid;
  }
  return { masteredUpTo: lo * (1 - BAND), learningFrom: hi * (1 + BAND) };
}
