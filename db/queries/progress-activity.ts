/**
 * The review-log half of a learner's progress: reviews per study day over the whole history,
 * totals, true retention and study time, in ONE read of the log. Study days follow the learner's
 * time zone and rollover hour (23 and 25 h days around DST), which SQL date functions cannot
 * express, so JS computes each day's start instant (cached, lib/time) and SQL sums each day as
 * one range of the (user_id, reviewed_at) index: no review row is sorted or reaches JS.
 * Undone reviews never count.
 */
import 'server-only';
import { db } from '@/db';
import { ANSWER_TIME_CAP_MS, studyDayRanges, summarizeActivity, type ActivitySummary, type DayTotals } from '@/lib/stats';
import { addDays, studyDayKey, studyDayStart } from '@/lib/time/study-day';
import type { StudySettings } from './settings';
import { jsonColumn, numberList } from '@/db/json-column';

/** The longer true-retention window, in study days (the shorter one is 7). */
export const RETENTION_DAYS = 30;

// The planner must use the (user_id, reviewed_at) index here: with a covering (user_id, card_id, ...)
// index it may prefer scanning all of the user's entries, once for min() and, far worse, once per
// study day below (seen on the bench database: ~1 s).
const firstReviewAt = db.$client
  .prepare<{ userId: number }, number | null>('SELECT min(reviewed_at) FROM review_logs INDEXED BY review_logs_user_time WHERE user_id = @userId')
  .pluck();

// Per range [lo, hi): [reviews, capped time] and, for the recent days retention looks at,
// [passed, failed] of Review-state cards (as trueRetention counts them). json_array packs the
// numbers into the one value a scalar subquery may return.
const SUMS = `count(*), coalesce(sum(min(max(l.duration_ms, 0), @cap)), 0)`;
const RETENTION = `coalesce(sum(l.state_before = 2 AND l.source IN ('review', 'quiz') AND l.rating > 1), 0),
  coalesce(sum(l.state_before = 2 AND l.source IN ('review', 'quiz') AND l.rating <= 1), 0)`;
const RANGE = `FROM review_logs l INDEXED BY review_logs_user_time WHERE l.user_id = @userId AND l.reviewed_at >= d.lo AND l.reviewed_at < d.hi AND l.undone_at IS NULL`;
const totalsPerRange = db.$client.prepare<{ userId: number; bounds: string; recentFrom: number; cap: number }, { i: number; totals: string }>(`
  WITH d AS (SELECT key AS i, value AS lo, lead(value) OVER (ORDER BY key) AS hi FROM json_each(@bounds))
  SELECT i, CASE WHEN lo >= @recentFrom THEN (SELECT json_array(${SUMS}, ${RETENTION}) ${RANGE})
                 ELSE (SELECT json_array(${SUMS}, 0, 0) ${RANGE}) END AS totals
  FROM d WHERE hi IS NOT NULL ORDER BY i
`);

/**
 * Activity numbers over the study days from the first review (or `heatmapFrom`, if earlier) to
 * today (`todayKey`). Days of the whole history are needed for the longest streak and the totals.
 */
export function activityFor(userId: number, todayKey: string, settings: StudySettings, heatmapFrom: string): ActivitySummary {
  const { timeZone, rolloverHour } = settings;
  const first = firstReviewAt.get({ userId });
  const firstKey = first === null || first === undefined ? heatmapFrom : studyDayKey(new Date(first), timeZone, rolloverHour);
  const fromKey = firstKey < heatmapFrom ? firstKey : heatmapFrom;
  const recentFrom = studyDayStart(addDays(todayKey, 1 - RETENTION_DAYS), timeZone, rolloverHour).getTime();
  const bounds = JSON.stringify(studyDayRanges(fromKey, todayKey, timeZone, rolloverHour));
  // One row per range: before the first day, each day, after today (a fast clock's reviews).
  const ranges: DayTotals[] = totalsPerRange.all({ userId, bounds, recentFrom, cap: ANSWER_TIME_CAP_MS }).map((r) => {
    const [reviews, timeMs, passed, failed] = jsonColumn(r.totals, numberList, 'activity totals');
    return { reviews: reviews ?? 0, timeMs: timeMs ?? 0, passed: passed ?? 0, failed: failed ?? 0 };
  });
  const before = ranges[0];
  const after = ranges.at(-1);
  const outside: DayTotals = {
    reviews: (before?.reviews ?? 0) + (after?.reviews ?? 0),
    timeMs: (before?.timeMs ?? 0) + (after?.timeMs ?? 0),
    passed: 0,
    failed: 0,
  };
  return summarizeActivity(fromKey, ranges.slice(1, -1), outside, heatmapFrom);
}
