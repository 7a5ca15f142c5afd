/**
 * Internal helper: assign instants to study days without calling Intl for
 * every instant. Computes each day's start once and binary-searches.
 */
import { addDays, daysBetween, studyDayStarts } from '@/lib/time/study-day';

export interface DayBuckets {
  keys: string[];
  /** Index of the day containing `ms`, or -1 if outside [first start, last end). */
  indexOf(ms: number): number;
}

/** Buckets for every study day from `fromKey` to `toKey` inclusive (empty if toKey < fromKey). */
export function dayBuckets(fromKey: string, toKey: string, timeZone: string, rolloverHour: number): DayBuckets {
  const n = daysBetween(fromKey, toKey) + 1;
  const keys: string[] = [];
  for (let i = 0; i < n; i++) keys.push(addDays(fromKey, i));
  // One start per day plus the end of the last day.
  const starts = studyDayStarts(fromKey, Math.max(0, n) + 1, timeZone, rolloverHour);
  return {
    keys,
    indexOf(ms: number): number {
      const first = starts[0];
      const last = starts[keys.length];
      if (keys.length === 0 || first === undefined || last === undefined || ms < first || ms >= last) return -1;
      let lo = 0;
      let hi = keys.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((starts[mid] ?? Infinity) <= ms) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    },
  };
}
