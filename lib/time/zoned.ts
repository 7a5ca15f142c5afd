/**
 * Wall-clock date and time in a named time zone, both ways, for due dates: an instructor
 * types "March 5, 23:59" meaning the class's zone; a student reads it in theirs.
 */
import { isValidDayKey } from './study-day';
import { wallClockToInstant, wallTime } from './wall-clock';

const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * The instant a local date ('YYYY-MM-DD') and time ('HH:MM') name in `timeZone`, or null if
 * either is malformed. A time inside a spring-forward gap moves forward by the length of the gap
 * (New York 02:30 → 03:30; Lord Howe, whose clocks move 30 minutes, 02:15 → 02:45); when clocks
 * go back, the earlier of the two instants is used (see ./wall-clock.ts). The whole wall time is
 * converted at once: DST changes need not fall on the hour.
 * @example localDateTimeToUtc('2026-03-05', '23:59', 'Europe/Berlin') // 2026-03-05T22:59:00.000Z
 */
export function localDateTimeToUtc(date: string, time: string, timeZone: string): Date | null {
  const m = TIME_RE.exec(time);
  if (!m || !isValidDayKey(date)) return null;
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(wallClockToInstant(y, mo, d, Number(m[1]), Number(m[2]), timeZone));
}

/**
 * The local date and time of an instant in `timeZone`, in the forms date and time inputs take.
 * @example utcToLocalDateTime(Date.parse('2026-03-05T22:59:00Z'), 'Europe/Berlin') // { date: '2026-03-05', time: '23:59' }
 */
export function utcToLocalDateTime(epochMs: number, timeZone: string): { date: string; time: string } {
  const w = wallTime(epochMs, timeZone);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return { date: `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}

/**
 * A due date as people read it, with the zone named so nobody misreads it.
 * @example formatDueDate(Date.parse('2026-03-05T22:59:00Z'), 'Europe/Berlin') // 'Thu, Mar 5, 2026, 23:59 GMT+1'
 */
export function formatDueDate(epochMs: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).format(new Date(epochMs));
}

/**
 * A short date for tables ("Mar 5, 2026").
 * @example formatShortDate(Date.parse('2026-03-05T22:59:00Z'), 'UTC') // 'Mar 5, 2026'
 */
export function formatShortDate(epochMs: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, month: 'short', day: 'numeric', year: 'numeric' }).format(new Date(epochMs));
}

/**
 * Time zones to offer in a picker: UTC first, then every IANA zone the runtime knows,
 * plus `current` if the runtime doesn't list it (so an existing choice is never lost).
 */
export function timeZoneOptions(current?: string): string[] {
  const zones = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];
  return current && !zones.includes(current) ? [current, ...zones] : zones;
}
