/**
 * Time spent studying. Like Anki, each answer's time is capped (default 60 s)
 * so a card left open while the learner walks away does not inflate totals.
 */
import type { StatsReviewLog } from './types';

/** Maximum time credited to one review, in milliseconds. */
export const ANSWER_TIME_CAP_MS = 60_000;

/**
 * One review's credited duration: clamped to [0, cap]; invalid values count as 0.
 * @example cappedDuration(95_000) // 60000
 */
export function cappedDuration(durationMs: number, capMs: number = ANSWER_TIME_CAP_MS): number {
  if (!Number.isFinite(durationMs) || durationMs <= 0) return 0;
  return Math.min(durationMs, capMs);
}

/**
 * Total capped study time (ms) of reviews with `from <= reviewedAt < to`.
 * @example studyTimeMs(logs, dayStart, dayEnd) // 754000
 */
export function studyTimeMs(
  logs: readonly Pick<StatsReviewLog, 'reviewedAt' | 'durationMs'>[],
  from: Date,
  to: Date,
  capMs: number = ANSWER_TIME_CAP_MS,
): number {
  const lo = from.getTime();
  const hi = to.getTime();
  let total = 0;
  for (const log of logs) {
    const t = log.reviewedAt.getTime();
    if (t >= lo && t < hi) total += cappedDuration(log.durationMs, capMs);
  }
  return total;
}
