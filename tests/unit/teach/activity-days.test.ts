import { describe, expect, it } from 'vitest';
import { reviewsPerDay } from '@/lib/teach/activity-days';

const NOW = Date.parse('2026-03-10T12:00:00Z');

describe('reviews per day for the instructor', () => {
  it('has one row per day up to today, oldest first, zero on days without reviews', () => {
    expect(reviewsPerDay([], NOW, 3, 'UTC')).toEqual([
      { day: '2026-03-08', reviews: 0 },
      { day: '2026-03-09', reviews: 0 },
      { day: '2026-03-10', reviews: 0 },
    ]);
  });

  it.each([
    // [instant, time zone, day it belongs to]
    ['2026-03-10T00:30:00Z', 'UTC', '2026-03-10'],
    ['2026-03-09T23:30:00Z', 'UTC', '2026-03-09'],
    ['2026-03-09T23:30:00Z', 'Europe/Berlin', '2026-03-10'], // 00:30 in Berlin
    ['2026-03-10T03:00:00Z', 'America/New_York', '2026-03-09'], // 23:00 the evening before
    ['2026-03-09T19:00:00Z', 'Asia/Kathmandu', '2026-03-10'], // +5:45 → 00:45
  ])('counts a review at %s in %s on %s', (instant, timeZone, day) => {
    const rows = reviewsPerDay([Date.parse(instant)], NOW, 3, timeZone);
    expect(rows.filter((r) => r.reviews > 0)).toEqual([{ day, reviews: 1 }]);
  });

  it('sums several reviews of a day and leaves out reviews before the window or after today', () => {
    const t = (iso: string) => Date.parse(iso);
    const rows = reviewsPerDay([t('2026-03-09T08:00Z'), t('2026-03-09T09:00Z'), t('2026-03-07T23:59Z'), t('2026-03-11T00:01Z')], NOW, 3, 'UTC');
    expect(rows.map((r) => r.reviews)).toEqual([0, 2, 0]);
  });

  it('has no rows for a window of no days', () => {
    expect(reviewsPerDay([NOW], NOW, 0, 'UTC')).toEqual([]);
  });
});
