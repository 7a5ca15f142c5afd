/**
 * True retention, as Anki defines it: of the reviews done on cards that were
 * already in the Review state, the share that were passed (any grade but
 * Again). Learning/relearning steps and new cards are ignored.
 */
import type { StatsReviewLog } from './types';

export interface RetentionResult {
  passed: number;
  failed: number;
  total: number;
  /** passed / total, or null when there were no qualifying reviews. */
  rate: number | null;
}

/**
 * True retention for reviews with `from <= reviewedAt < to`.
 * `sources` restricts the log sources counted (default: both review and quiz).
 * @example
 * trueRetention(logs, new Date('2024-03-01T00:00:00Z'), new Date('2024-04-01T00:00:00Z'))
 * // { passed: 9, failed: 1, total: 10, rate: 0.9 }
 */
export function trueRetention(
  logs: readonly StatsReviewLog[],
  from: Date,
  to: Date,
  sources: readonly StatsReviewLog['source'][] = ['review', 'quiz'],
): RetentionResult {
  const lo = from.getTime();
  const hi = to.getTime();
  let passed = 0;
  let failed = 0;
  for (const log of logs) {
    const t = log.reviewedAt.getTime();
    if (t < lo || t >= hi || log.stateBefore !== 2 || !sources.includes(log.source)) continue;
    if (log.grade > 1) passed++;
    else failed++;
  }
  const total = passed + failed;
  return { passed, failed, total, rate: total === 0 ? null : passed / total };
}
