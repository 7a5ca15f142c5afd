/**
 * A learner's activity numbers from per-study-day totals: the heatmap, streaks, reviews today,
 * true retention over 7 and 30 days and study time. The db layer sums the log per study day
 * (one range of the time index per day), so a long history reaches JS as one row per day
 * instead of one per review; this module only adds those rows up.
 */
import { daysBetween, dayKeysFrom, studyDayStarts } from '@/lib/time/study-day';
import type { RetentionResult } from './retention';
import type { DayCount } from './types';

/** What happened on one study day, or in a range of time (reviews not undone). */
export interface DayTotals {
  reviews: number;
  /** Capped study time (see `cappedDuration`). */
  timeMs: number;
  /** Reviews of cards in the Review state passed (any grade but Again); only needed for the last 30 days. */
  passed: number;
  /** Reviews of cards in the Review state failed (Again); only needed for the last 30 days. */
  failed: number;
}

export interface ActivitySummary {
  /** Reviews per study day from `heatmapFrom` to today. */
  heatmap: DayCount[];
  reviewsToday: number;
  streak: { current: number; longest: number };
  totalReviews: number;
  retention: { last7: RetentionResult; last30: RetentionResult };
  studyTime: { todayMs: number; last7Ms: number; totalMs: number };
}

/** Lower bound of the range before the first listed day, upper bound of the one after the last. */
export const OPEN_END = Number.MAX_SAFE_INTEGER;

/**
 * Bounds of the ranges [b[i], b[i+1]) that split all time into: before `fromKey`, each study day
 * from `fromKey` to `toKey` (each from its local rollover hour to the next, so 23 or 25 h long
 * around DST), after `toKey`. An instant t is on day `fromKey + i` exactly when
 * b[i+1] <= t < b[i+2], the same day `studyDayKey` gives it.
 * @example studyDayRanges('2024-03-01', '2024-03-02', 'UTC', 4)
 * // [-OPEN_END, Date.parse('2024-03-01T04:00Z'), Date.parse('2024-03-02T04:00Z'), Date.parse('2024-03-03T04:00Z'), OPEN_END]
 */
export function studyDayRanges(fromKey: string, toKey: string, timeZone: string, rolloverHour: number): number[] {
  const days = Math.max(0, daysBetween(fromKey, toKey) + 1);
  return [-OPEN_END, ...studyDayStarts(fromKey, days + 1, timeZone, rolloverHour), OPEN_END];
}

function retentionOf(days: readonly DayTotals[]): RetentionResult {
  let passed = 0;
  let failed = 0;
  for (const d of days) {
    passed += d.passed;
    failed += d.failed;
  }
  const total = passed + failed;
  return { passed, failed, total, rate: total === 0 ? null : passed / total };
}

const timeOf = (days: readonly DayTotals[]) => days.reduce((sum, d) => sum + d.timeMs, 0);

/**
 * Sums consecutive study days into the progress page's activity numbers.
 * `days[i]` is study day `fromKey + i`, the last one today; `outside` holds what falls on no
 * listed day (reviews dated after today by a fast clock), which counts in the totals only.
 * Streaks follow `currentStreak`/`longestStreak`: today without reviews does not break one yet.
 * @example
 * summarizeActivity('2024-03-01', [d(2), d(0), d(3)], zero, '2024-03-02').heatmap
 * // [{ day: '2024-03-02', count: 0 }, { day: '2024-03-03', count: 3 }]
 */
export function summarizeActivity(fromKey: string, days: readonly DayTotals[], outside: DayTotals, heatmapFrom: string): ActivitySummary {
  const keys = dayKeysFrom(fromKey, days.length);
  const heatmap: DayCount[] = [];
  let totalReviews = outside.reviews;
  let totalMs = outside.timeMs;
  let longest = 0;
  let run = 0;
  days.forEach((d, i) => {
    const day = keys[i] as string;
    if (day >= heatmapFrom) heatmap.push({ day, count: d.reviews });
    totalReviews += d.reviews;
    totalMs += d.timeMs;
    run = d.reviews > 0 ? run + 1 : 0;
    if (run > longest) longest = run;
  });
  // The run ending today, or yesterday while today has no reviews yet.
  let current = 0;
  for (let i = days.length - 1 - ((days.at(-1)?.reviews ?? 0) > 0 ? 0 : 1); i >= 0 && (days[i]?.reviews ?? 0) > 0; i--) current++;
  const last7 = days.slice(-7);
  return {
    heatmap,
    reviewsToday: days.at(-1)?.reviews ?? 0,
    streak: { current, longest },
    totalReviews,
    retention: { last7: retentionOf(last7), last30: retentionOf(days.slice(-30)) },
    studyTime: { todayMs: days.at(-1)?.timeMs ?? 0, last7Ms: timeOf(last7), totalMs },
  };
}
