import { describe, expect, it } from 'vitest';
import { OPEN_END, studyDayRanges, summarizeActivity, type DayTotals } from '@/lib/stats/activity';
import { reviewsPerDay } from '@/lib/stats/heatmap';
import { trueRetention } from '@/lib/stats/retention';
import { currentStreak, longestStreak } from '@/lib/stats/streak';
import { cappedDuration, studyTimeMs } from '@/lib/stats/study-time';
import type { StatsReviewLog } from '@/lib/stats/types';
import { addDays, dayKeysFrom, daysBetween, studyDayKey, studyDayStart } from '@/lib/time/study-day';

const MIN15 = 15 * 60_000;

/** Index of the range [b[i], b[i+1]) holding t. */
function rangeOf(bounds: number[], t: number): number {
  return bounds.findIndex((lo, i) => t >= lo && t < (bounds[i + 1] ?? -Infinity));
}

describe('studyDayRanges', () => {
  const cases: [string, string, string, number][] = [
    ['America/New_York, both DST changes of 2024', '2024-03-08', '2024-03-12', 4],
    ['America/New_York, autumn', '2024-11-01', '2024-11-05', 4],
    ['America/New_York, rollover at midnight', '2024-03-08', '2024-03-12', 0],
    ['Asia/Kathmandu (+5:45)', '2024-06-01', '2024-06-04', 4],
    ['Europe/Berlin, rollover inside the DST gap', '2024-03-29', '2024-04-01', 2],
  ];
  it.each(cases)('puts every instant on the study day studyDayKey gives it: %s', (label, fromKey, toKey, rollover) => {
    const zone = label.split(/[ ,]/)[0] as string;
    const bounds = studyDayRanges(fromKey, toKey, zone, rollover);
    const keys = dayKeysFrom(fromKey, daysBetween(fromKey, toKey) + 1);
    expect(bounds).toHaveLength(keys.length + 3);
    const first = bounds[1] as number;
    const end = bounds.at(-2) as number;
    // Every 15 minutes, plus each boundary and the instants either side of it.
    const instants: number[] = [];
    for (let t = first - 2 * 86_400_000; t < end + 2 * 86_400_000; t += MIN15) instants.push(t, t + 7 * 60_000 + 13_000);
    for (const b of bounds.slice(1, -1)) instants.push(b - 1, b, b + 1);
    for (const t of instants) {
      const i = rangeOf(bounds, t);
      const key = studyDayKey(new Date(t), zone, rollover);
      if (key < fromKey) expect(i).toBe(0);
      else if (key > toKey) expect(i).toBe(bounds.length - 2);
      else expect(keys[i - 1]).toBe(key);
    }
  });

  it('starts each day at its local rollover hour', () => {
    const b = studyDayRanges('2024-03-09', '2024-03-10', 'America/New_York', 4);
    expect(b.map((t) => (Math.abs(t) === OPEN_END ? t : new Date(t).toISOString()))).toEqual([
      -OPEN_END,
      '2024-03-09T09:00:00.000Z', // 04:00 EST
      '2024-03-10T08:00:00.000Z', // 04:00 EDT: a 23 h day before it
      '2024-03-11T08:00:00.000Z',
      OPEN_END,
    ]);
  });

  it('with no days, splits time into before and after', () => {
    const b = studyDayRanges('2024-03-02', '2024-03-01', 'UTC', 4);
    expect(b).toEqual([-OPEN_END, Date.parse('2024-03-02T04:00:00Z'), OPEN_END]);
  });
});

// The per-review functions are the reference: summing days must give what they give on the logs.
describe('summarizeActivity', () => {
  const zone = 'America/New_York';
  const rollover = 4;
  const todayKey = '2024-11-06';
  const heatmapFrom = '2024-09-02';
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const start = studyDayStart('2024-08-01', zone, rollover).getTime();
  const end = studyDayStart(addDays(todayKey, 1), zone, rollover).getTime();
  const logs: StatsReviewLog[] = Array.from({ length: 3000 }, (_, i) => ({
    cardId: i % 50,
    // Whole quarter hours land on day boundaries (04:00 local) now and then.
    reviewedAt: new Date(start + Math.floor(rand() * ((end - start) / MIN15 + 4)) * MIN15 + (i % 3 === 0 ? 0 : Math.floor(rand() * MIN15))),
    grade: (1 + Math.floor(rand() * 4)) as StatsReviewLog['grade'],
    stateBefore: Math.floor(rand() * 4) as StatsReviewLog['stateBefore'],
    durationMs: Math.floor(rand() * 120_000) - 10_000,
    source: rand() < 0.2 ? 'quiz' : 'review',
  }));
  // Leave gaps so streaks end and restart.
  const studied = logs.filter((l) => !['2024-10-01', '2024-10-02', '2024-11-05', '2024-09-20'].includes(studyDayKey(l.reviewedAt, zone, rollover)));

  function dayTotals(list: StatsReviewLog[], fromKey: string) {
    const keys = dayKeysFrom(fromKey, daysBetween(fromKey, todayKey) + 1);
    const days: DayTotals[] = keys.map(() => ({ reviews: 0, timeMs: 0, passed: 0, failed: 0 }));
    const outside: DayTotals = { reviews: 0, timeMs: 0, passed: 0, failed: 0 };
    for (const l of list) {
      const key = studyDayKey(l.reviewedAt, zone, rollover);
      const d = days[keys.indexOf(key)] ?? outside;
      d.reviews++;
      d.timeMs += cappedDuration(l.durationMs);
      if (d !== outside && daysBetween(key, todayKey) < 30 && l.stateBefore === 2) {
        if (l.grade > 1) d.passed++;
        else d.failed++;
      }
    }
    return { days, outside };
  }

  it('gives what the per-review functions give', () => {
    const { days, outside } = dayTotals(studied, '2024-08-01');
    const s = summarizeActivity('2024-08-01', days, outside, heatmapFrom);
    const inRange = studied.filter((l) => l.reviewedAt.getTime() < end);
    const perDay = reviewsPerDay(inRange, zone, rollover, '2024-08-01', todayKey);
    const active = perDay.filter((d) => d.count > 0).map((d) => d.day);
    const from7 = studyDayStart(addDays(todayKey, -6), zone, rollover);
    const from30 = studyDayStart(addDays(todayKey, -29), zone, rollover);
    const today = studyDayStart(todayKey, zone, rollover);
    expect(outside.reviews).toBeGreaterThan(0); // some logs fall after today
    expect(s.heatmap).toEqual(perDay.filter((d) => d.day >= heatmapFrom));
    expect(s.reviewsToday).toBe(perDay.at(-1)?.count);
    expect(s.streak).toEqual({ current: currentStreak(active, todayKey), longest: longestStreak(active) });
    expect(s.streak.longest).toBeGreaterThan(1);
    expect(s.totalReviews).toBe(studied.length);
    expect(s.retention).toEqual({ last7: trueRetention(studied, from7, new Date(end)), last30: trueRetention(studied, from30, new Date(end)) });
    expect(s.studyTime).toEqual({
      todayMs: studyTimeMs(studied, today, new Date(end)),
      last7Ms: studyTimeMs(studied, from7, new Date(end)),
      totalMs: studyTimeMs(studied, new Date(0), new Date(8.64e15)),
    });
  });

  it('counts the current streak up to yesterday while today has no reviews', () => {
    const day = (reviews: number): DayTotals => ({ reviews, timeMs: 0, passed: 0, failed: 0 });
    const none = day(0);
    expect(summarizeActivity('2024-03-01', [day(1), day(2), day(0), day(3), day(1), day(0)], none, '2024-03-01').streak).toEqual({ current: 2, longest: 2 });
    expect(summarizeActivity('2024-03-01', [day(1), day(2), day(4)], none, '2024-03-01').streak).toEqual({ current: 3, longest: 3 });
    expect(summarizeActivity('2024-03-01', [day(1), day(0), day(0)], none, '2024-03-01').streak).toEqual({ current: 0, longest: 1 });
  });

  it('gives zeros and "no data" for an empty history', () => {
    const days = dayKeysFrom(heatmapFrom, daysBetween(heatmapFrom, todayKey) + 1).map(() => ({ reviews: 0, timeMs: 0, passed: 0, failed: 0 }));
    const s = summarizeActivity(heatmapFrom, days, { reviews: 0, timeMs: 0, passed: 0, failed: 0 }, heatmapFrom);
    expect(s.heatmap).toEqual(reviewsPerDay([], zone, rollover, heatmapFrom, todayKey));
    expect(s).toMatchObject({ reviewsToday: 0, totalReviews: 0, streak: { current: 0, longest: 0 }, studyTime: { todayMs: 0, last7Ms: 0, totalMs: 0 } });
    expect(s.retention.last30).toEqual({ passed: 0, failed: 0, total: 0, rate: null });
  });
});
