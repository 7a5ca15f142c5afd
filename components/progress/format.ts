/** Display formatting for the progress page: durations, rates and study-day keys, in plain English. */

/**
 * @example formatDuration(45_000) // '45 s'
 * @example formatDuration(3_900_000) // '1 h 05 min'
 */
export function formatDuration(ms: number): string {
  if (ms <= 0) return '0 min';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** @example formatPercent(0.9166) // '92%' */
export function formatPercent(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}

const dayFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
const shortFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' });

// A day key names a calendar date, so it is formatted as that date at UTC midnight.
const dateOf = (key: string) => new Date(`${key}T00:00:00Z`);

/** @example formatDay('2026-03-02') // 'Mon 2 Mar' */
export const formatDay = (key: string) => dayFormat.format(dateOf(key));
/** @example formatShortDay('2026-03-02') // '2 Mar' */
export const formatShortDay = (key: string) => shortFormat.format(dateOf(key));
/** @example formatMonth('2026-03-02') // 'Mar' */
export const formatMonth = (key: string) => monthFormat.format(dateOf(key));

export { plural } from '@/lib/text/plural';
