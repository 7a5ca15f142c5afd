/**
 * The one recall curve: FSRS retrievability after some days for a stability, clamped to 0–1.
 * Used by the scheduler's `retrievability` (review screen, quizzes, progress), by class analytics
 * through `recallAt`, and by the `recall_at` SQL function (db/recall-function.ts), so a card's
 * predicted recall is the same number everywhere.
 */
import { forgetting_curve } from 'ts-fsrs';
import { makeScheduler } from './scheduler';
import type { SchedulerSettings } from './types';

const DAY_MS = 86_400_000;

/** Probability of recall `elapsedDays` after a review that left `stability`; 0 without stability. */
export function recallAfter(w: readonly number[], elapsedDays: number, stability: number): number {
  if (!(stability > 0)) return 0;
  return Math.min(1, Math.max(0, forgetting_curve(w as number[], Math.max(0, elapsedDays), stability)));
}

const RECALL_SETTINGS: SchedulerSettings = { desiredRetention: 0.9, maximumInterval: 36500, enableFuzz: false };
// Lazy: scheduler.ts imports this module, so nothing of it may run while the modules load.
let defaultW: readonly number[] | null = null;
const defaultWeights = () => (defaultW ??= makeScheduler(RECALL_SETTINGS).parameters.w);
// Analytics evaluate tens of thousands of (student, card) pairs: resolve each weights array once.
const resolved = new WeakMap<number[], readonly number[]>();

function curveWeights(weights: number[] | null): readonly number[] {
  if (!weights) return defaultWeights();
  let w = resolved.get(weights);
  if (!w) {
    try {
      w = makeScheduler({ ...RECALL_SETTINGS, weights }).parameters.w;
    } catch {
      w = defaultWeights(); // stored weights ts-fsrs refuses: predict with the defaults rather than fail the page
    }
    resolved.set(weights, w);
  }
  return w;
}

/**
 * Predicted recall at `at` of a card whose last review before `at` was at `lastReviewAt` and left
 * it with `stability`; `weights` are the student's FSRS weights (null = defaults).
 * @example recallAt(t0, 10, t0 + 10 * 86_400_000, null) // 0.9 (stability is the 90 % interval)
 */
export function recallAt(lastReviewAt: number, stability: number, at: number, weights: number[] | null): number {
  return recallAfter(curveWeights(weights), (at - lastReviewAt) / DAY_MS, stability);
}
