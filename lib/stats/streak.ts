/**
 * Study streaks over study-day keys ('YYYY-MM-DD', from `studyDayKey`).
 * A streak is not broken until the day ends: if today has no reviews yet,
 * the current streak is counted up to yesterday.
 */
import { addDays, isValidDayKey } from '@/lib/time/study-day';

function toSet(days: ReadonlySet<string> | readonly string[]): Set<string> {
  return new Set(Array.from(days).filter(isValidDayKey));
}

/**
 * Consecutive study days ending today (or yesterday, if nothing yet today).
 * @example currentStreak(['2024-03-01', '2024-03-02'], '2024-03-03') // 2
 * @example currentStreak(['2024-03-01'], '2024-03-03') // 0
 */
export function currentStreak(dayKeysWithReviews: ReadonlySet<string> | readonly string[], todayKey: string): number {
  const days = toSet(dayKeysWithReviews);
  let cursor = days.has(todayKey) ? todayKey : addDays(todayKey, -1);
  let streak = 0;
  while (days.has(cursor)) {
    streak++;
    cursor = addDays(cursor, -1);
  }
  return streak;
}

/**
 * Longest run of consecutive study days ever.
 * @example longestStreak(['2024-03-01', '2024-03-02', '2024-03-05']) // 2
 */
export function longestStreak(dayKeysWithReviews: ReadonlySet<string> | readonly string[]): number {
  const sorted = [...toSet(dayKeysWithReviews)].sort();
  let best = 0;
  let run = 0;
  let prev: string | null = null;
  for (const day of sorted) {
    run = prev !== null && addDays(prev, 1) === day ? run + 1 : 1;
    if (run > best) best = run;
    prev = day;
  }
  return best;
}
