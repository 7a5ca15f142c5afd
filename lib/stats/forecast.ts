/**
 * Due forecast: how many cards fall due on each of the coming study days.
 * Overdue cards are counted on today; never-studied (New) cards are not due.
 */
import { addDays, studyDayKey, studyDayStart } from '@/lib/time/study-day';
import { dayBuckets } from './day-buckets';
import type { DayCount } from './types';

/**
 * Cards due per study day for `days` days starting today (index 0 = today).
 * Cards due before today count on today; cards due after the window are ignored.
 * @example
 * dueForecast(states, new Date('2024-03-01T12:00:00Z'), 'UTC', 4, 3)
 * // [{ day: '2024-03-01', count: 7 }, { day: '2024-03-02', count: 2 }, { day: '2024-03-03', count: 0 }]
 */
export function dueForecast(
  states: readonly { due: Date; state: 0 | 1 | 2 | 3 }[],
  now: Date,
  timeZone: string,
  rolloverHour: number,
  days: number = 30,
): DayCount[] {
  if (!Number.isInteger(days) || days < 1) return [];
  const todayKey = studyDayKey(now, timeZone, rolloverHour);
  const buckets = dayBuckets(todayKey, addDays(todayKey, days - 1), timeZone, rolloverHour);
  const counts = new Array<number>(days).fill(0);
  const todayStartMs = studyDayStart(todayKey, timeZone, rolloverHour).getTime();
  for (const s of states) {
    if (s.state === 0) continue;
    const ms = s.due.getTime();
    const i = ms < todayStartMs ? 0 : buckets.indexOf(ms); // overdue → today
    if (i >= 0) counts[i] = (counts[i] ?? 0) + 1;
  }
  return buckets.keys.map((day, i) => ({ day, count: counts[i] ?? 0 }));
}
