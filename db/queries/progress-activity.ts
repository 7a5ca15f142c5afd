/**
 * The review-log half of a learner's progress: reviews per study day over the whole history,
 * totals, true retention and study time, in ONE read of the log. Study days follow the learner's
 * time zone and rollover hour (23 and 25 h days around DST), which SQL date functions cannot
 * express, so JS computes each day's start instant (cached, lib/time) and SQL sums each day as
 * one range of the (user_id, reviewed_at) index: no review row is sorted or reaches JS.
 * Undone reviews never count. On the engine (db/engine): the same SQL on SQLite and PostgreSQL.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { int, jsonText } from '@/db/engine/rows';
import { reviewLogs } from '@/db/schema';
import { ANSWER_TIME_CAP_MS, studyDayRanges, summarizeActivity, type ActivitySummary, type DayTotals } from '@/lib/stats';
import { addDays, studyDayKey, studyDayStart } from '@/lib/time/study-day';
import type { StudySettings } from './settings';

/** The longer true-retention window, in study days (the shorter one is 7). */
export const RETENTION_DAYS = 30;

// The planner must use the (user_id, reviewed_at) index here: with a covering (user_id, card_id, ...)
// index it may prefer scanning all of the user's entries, once for min() and, far worse, once per
// study day below (seen on the bench database: ~1 s). Hence the index hints (SQLite only).
const TIME_INDEX = 'review_logs_user_time';
const l = alias(reviewLogs, 'l');

const firstRow = z.object({ first: int.nullable() });
const totalsRow = z.object({ i: int, totals: jsonText(z.array(z.number())) });

/**
 * Activity numbers over the study days from the first review (or `heatmapFrom`, if earlier) to
 * today (`todayKey`). Days of the whole history are needed for the longest streak and the totals.
 */
export async function activityFor(userId: number, todayKey: string, settings: StudySettings, heatmapFrom: string): Promise<ActivitySummary> {
  const db = await engine();
  const f = db.fragments;
  const { timeZone, rolloverHour } = settings;
  const first = (await db.get(
    sql`SELECT min(${reviewLogs.reviewedAt}) AS "first" FROM ${reviewLogs}${f.indexedBy(TIME_INDEX)} WHERE ${reviewLogs.userId} = ${userId}`,
    firstRow,
  ))?.first ?? null;
  const firstKey = first === null ? heatmapFrom : studyDayKey(new Date(first), timeZone, rolloverHour);
  const fromKey = firstKey < heatmapFrom ? firstKey : heatmapFrom;
  const recentFrom = studyDayStart(addDays(todayKey, 1 - RETENTION_DAYS), timeZone, rolloverHour).getTime();
  const bounds = studyDayRanges(fromKey, todayKey, timeZone, rolloverHour);

  // Per range [lo, hi): [reviews, capped time] and, for the recent days retention looks at,
  // [passed, failed] of Review-state cards (as trueRetention counts them). A JSON array packs the
  // numbers into the one value a scalar subquery may return.
  const sums = [sql`count(*)`, sql`coalesce(sum(${f.least(f.greatest(l.durationMs, sql`0`), sql`${ANSWER_TIME_CAP_MS}`)}), 0)`];
  const reviewed = sql`${l.stateBefore} = 2 AND ${l.source} IN ('review', 'quiz')`;
  const retention = [
    sql`coalesce(sum(CASE WHEN ${reviewed} AND ${l.rating} > 1 THEN 1 ELSE 0 END), 0)`,
    sql`coalesce(sum(CASE WHEN ${reviewed} AND ${l.rating} <= 1 THEN 1 ELSE 0 END), 0)`,
  ];
  const range = sql`FROM ${reviewLogs} ${l}${f.indexedBy(TIME_INDEX)}
    WHERE ${l.userId} = ${userId} AND ${l.reviewedAt} >= d.lo AND ${l.reviewedAt} < d.hi AND ${l.undoneAt} IS NULL`;
  const rows = await db.all(
    sql`WITH d AS (SELECT b.i AS i, b.v AS lo, lead(b.v) OVER (ORDER BY b.i) AS hi FROM ${f.numberedInts(bounds)} b)
      SELECT d.i AS "i", CASE WHEN d.lo >= ${recentFrom} THEN (SELECT ${f.jsonText(f.jsonArray([...sums, ...retention]))} ${range})
                              ELSE (SELECT ${f.jsonText(f.jsonArray([...sums, sql`0`, sql`0`]))} ${range}) END AS "totals"
      FROM d WHERE d.hi IS NOT NULL ORDER BY d.i`,
    totalsRow,
  );
  // One row per range: before the first day, each day, after today (a fast clock's reviews).
  const ranges: DayTotals[] = rows.map(({ totals: [reviews, timeMs, passed, failed] }) => ({
    reviews: reviews ?? 0,
    timeMs: timeMs ?? 0,
    passed: passed ?? 0,
    failed: failed ?? 0,
  }));
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
