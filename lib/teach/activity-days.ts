/**
 * A student's activity over time for their instructor: reviews per calendar day in the class's
 * time zone, over the last `days` days up to today, oldest first (days without reviews are 0).
 * Pure, so a fixed clock and a table of instants test it.
 */
import { addDays } from '@/lib/time/study-day';
import { utcToLocalDateTime } from '@/lib/time/zoned';

export interface DayReviews {
  /** YYYY-MM-DD in the class's time zone. */
  day: string;
  reviews: number;
}

/**
 * @example reviewsPerDay([Date.parse('2026-03-05T10:00Z')], Date.parse('2026-03-06T09:00Z'), 2, 'UTC')
 * // [{ day: '2026-03-05', reviews: 1 }, { day: '2026-03-06', reviews: 0 }]
 */
export function reviewsPerDay(reviewedAt: readonly number[], now: number, days: number, timeZone: string): DayReviews[] {
  if (!(days >= 1)) return [];
  const today = utcToLocalDateTime(now, timeZone).date;
  const out: DayReviews[] = [];
  const index = new Map<string, DayReviews>();
  for (let i = Math.floor(days) - 1; i >= 0; i -= 1) {
    const row = { day: addDays(today, -i), reviews: 0 };
    out.push(row);
    index.set(row.day, row);
  }
  for (const at of reviewedAt) {
    const row = index.get(utcToLocalDateTime(at, timeZone).date);
    if (row) row.reviews += 1;
  }
  return out;
}
