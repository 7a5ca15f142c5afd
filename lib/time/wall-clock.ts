/**
 * Wall clock ↔ instant in an IANA time zone. The zone's offset at an instant comes from a
 * maintained library (@date-fns/tz, which reads the runtime's tz database through Intl); on top
 * of it sit our two rules for the wall times that do not name exactly one instant:
 *
 * - a time in a gap (clocks jump forward) resolves as if the clocks had not moved yet, i.e. it
 *   moves forward by the length of the gap: New York 2026-03-08 02:30 → 03:30 EDT, Lord Howe
 *   2026-10-04 02:15 → 02:45 (+11:00). This is Temporal's 'compatible' disambiguation. Such a
 *   time names no instant of its own, so it shares one with the time just after the gap;
 * - a time that happens twice (clocks go back) resolves to the earlier instant.
 * Every other wall time maps to its own instant, so two different valid inputs never collide,
 * whatever the size of the shift (30 minutes on Lord Howe) or of the offset (+5:45 in Kathmandu).
 */
import { tzOffset } from '@date-fns/tz';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** The zone's offset from UTC at an instant, in milliseconds (east positive). */
export function offsetMs(epochMs: number, timeZone: string): number {
  const minutes = tzOffset(timeZone, new Date(epochMs));
  if (!Number.isFinite(minutes)) throw new RangeError(`Unknown time zone: ${timeZone}`);
  return minutes * MINUTE_MS;
}

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Local wall-clock fields of an instant in a time zone. */
export function wallTime(epochMs: number, timeZone: string): WallTime {
  const d = new Date(epochMs + offsetMs(epochMs, timeZone));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
}

/**
 * The instant a wall-clock time names in `timeZone` (month 1–12), by the rules above.
 * @example wallClockToInstant(2026, 10, 4, 2, 45, 'Australia/Lord_Howe') // 2026-10-03T15:45:00.000Z
 */
export function wallClockToInstant(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): number {
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute);
  // No zone changes its offset twice within a day, so the offsets a day either side are the only candidates.
  const before = offsetMs(wallAsUtc - DAY_MS, timeZone);
  const after = offsetMs(wallAsUtc + DAY_MS, timeZone);
  const valid = [wallAsUtc - before, wallAsUtc - after].filter((t) => t + offsetMs(t, timeZone) === wallAsUtc);
  // Overlap: both are valid, take the earlier. Gap: neither is, read the time with the offset before the change.
  return valid.length > 0 ? Math.min(...valid) : wallAsUtc - before;
}
