/**
 * Reviews per study day for the activity heatmap, with zero-count days
 * included so the client can draw the grid directly.
 */
import { dayBuckets } from './day-buckets';
import type { DayCount, StatsReviewLog } from './types';

/**
 * Count reviews per study day from `fromKey` to `toKey` (inclusive), in the
 * learner's time zone and rollover hour. Reviews outside the range are ignored.
 * @example
 * reviewsPerDay(logs, 'Europe/Berlin', 4, '2024-03-01', '2024-03-03')
 * // [{ day: '2024-03-01', count: 5 }, { day: '2024-03-02', count: 0 }, { day: '2024-03-03', count: 2 }]
 */
export function reviewsPerDay(
  logs: readonly Pick<StatsReviewLog, 'reviewedAt'>[],
  timeZone: string,
  rolloverHour: number,
  fromKey: string,
  toKey: string,
): DayCount[] {
  const buckets = dayBuckets(fromKey, toKey, timeZone, rolloverHour);
  const counts = new Array<number>(buckets.keys.length).fill(0);
  for (const log of logs) {
    const i = buckets.indexOf(log.reviewedAt.getTime());
    if (i >= 0) counts[i] = (counts[i] ?? 0) + 1;
  }
  return buckets.keys.map((day, i) => ({ day, count: counts[i] ?? 0 }));
}
