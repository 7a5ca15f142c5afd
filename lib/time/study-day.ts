/**
 * Anki-style study days.
 *
 * "Today" for a learner is not the UTC calendar day: it follows the learner's
 * IANA time zone and a rollover hour (default 4 am, like Anki). A moment before
 * the rollover hour (local wall-clock time) still belongs to the previous study
 * day. Day keys are plain 'YYYY-MM-DD' strings. Wall clock ↔ instant goes through
 * ./wall-clock.ts (offsets from @date-fns/tz); every function is DST-correct, so a study
 * day can last 23, 23.5, 24.5 or 25 hours.
 */
import { wallClockToInstant, wallTime } from './wall-clock';

export { wallTime, type WallTime } from './wall-clock';

/** Default rollover hour (local time) at which a new study day begins. */
export const DEFAULT_ROLLOVER_HOUR = 4;

const DAY_MS = 86_400_000;
const DAY_KEY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function assertRollover(rolloverHour: number): void {
  if (!Number.isInteger(rolloverHour) || rolloverHour < 0 || rolloverHour > 23) {
    throw new RangeError(`rolloverHour must be an integer 0–23, got ${rolloverHour}`);
  }
}

function parseKey(key: string): [number, number, number] {
  const m = DAY_KEY_RE.exec(key);
  if (!m) throw new RangeError(`Invalid day key: ${key}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
    throw new RangeError(`Invalid day key: ${key}`);
  }
  return [y, mo, d];
}

function formatKey(epochMsUtcMidnight: number): string {
  return new Date(epochMsUtcMidnight).toISOString().slice(0, 10);
}

/**
 * True when `tz` is an IANA time zone name this runtime understands.
 * @example isValidTimeZone('Europe/Berlin') // true
 * @example isValidTimeZone('Mars/Olympus') // false
 */
export function isValidTimeZone(tz: string): boolean {
  if (typeof tz !== 'string' || tz.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * True when `key` is a real calendar date in 'YYYY-MM-DD' form.
 * @example isValidDayKey('2024-02-29') // true
 */
export function isValidDayKey(key: string): boolean {
  try {
    parseKey(key);
    return true;
  } catch {
    return false;
  }
}

/**
 * Shift a day key by `n` calendar days (n may be negative).
 * @example addDays('2024-02-28', 2) // '2024-03-01'
 */
export function addDays(key: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`n must be an integer, got ${n}`);
  const [y, m, d] = parseKey(key);
  return formatKey(Date.UTC(y, m - 1, d) + n * DAY_MS);
}

/**
 * Whole calendar days from `fromKey` to `toKey` (negative if toKey is earlier).
 * @example daysBetween('2024-03-01', '2024-03-04') // 3
 */
export function daysBetween(fromKey: string, toKey: string): number {
  const [y1, m1, d1] = parseKey(fromKey);
  const [y2, m2, d2] = parseKey(toKey);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / DAY_MS);
}

/**
 * The study day an instant belongs to, as 'YYYY-MM-DD'.
 * @example studyDayKey(new Date('2024-06-15T22:29:00Z'), 'Asia/Kolkata', 4) // '2024-06-15' (03:59 local)
 */
export function studyDayKey(at: Date, timeZone: string, rolloverHour: number = DEFAULT_ROLLOVER_HOUR): string {
  assertRollover(rolloverHour);
  const w = wallTime(at.getTime(), timeZone);
  const calendarKey = formatKey(Date.UTC(w.year, w.month - 1, w.day));
  return w.hour < rolloverHour ? addDays(calendarKey, -1) : calendarKey;
}

// Day starts never change for a given zone, rollover hour and day (the runtime's tz data is fixed
// while it runs), so each is computed once per process: a long history's page renders would
// otherwise repeat hundreds of Intl calls each time. Keyed by day number (days since 1970-01-01).
const MAX_CACHED_STARTS = 200_000;
const startCache = new Map<string, Map<number, number>>();
let cachedStarts = 0;

function startsFor(timeZone: string, rolloverHour: number): Map<number, number> {
  const zoneKey = `${timeZone}|${rolloverHour}`;
  let m = startCache.get(zoneKey);
  if (!m) {
    m = new Map();
    startCache.set(zoneKey, m);
  }
  return m;
}

function remember(starts: Map<number, number>, dayNumber: number, start: number): void {
  if (cachedStarts >= MAX_CACHED_STARTS) {
    // Far more than any set of users needs; dropping everything keeps memory bounded simply.
    for (const m of startCache.values()) m.clear();
    cachedStarts = 0;
  }
  starts.set(dayNumber, start);
  cachedStarts++;
}

/** Forgets every cached day start (tests use it to compare the cached and the computed values). */
export function clearStudyDayStartCache(): void {
  startCache.clear();
  cachedStarts = 0;
}

/** Start instant of a study day (no cache): the wall time rolloverHour:00, by wall-clock.ts's gap and overlap rules. */
function computeStudyDayStart(y: number, m: number, d: number, timeZone: string, rolloverHour: number): number {
  return wallClockToInstant(y, m, d, rolloverHour, 0, timeZone);
}

/**
 * The UTC instant at which study day `key` begins (its local rollover hour).
 * If that wall time falls in a DST gap, the first instant after the gap is used;
 * if it is ambiguous (clocks go back), the earlier instant is used.
 * @example studyDayStart('2024-03-30', 'Europe/Berlin', 4) // 2024-03-30T03:00:00.000Z
 */
export function studyDayStart(key: string, timeZone: string, rolloverHour: number = DEFAULT_ROLLOVER_HOUR): Date {
  assertRollover(rolloverHour);
  const [y, m, d] = parseKey(key);
  const dayNumber = Date.UTC(y, m - 1, d) / DAY_MS;
  const starts = startsFor(timeZone, rolloverHour);
  let start = starts.get(dayNumber);
  if (start === undefined) {
    start = computeStudyDayStart(y, m, d, timeZone, rolloverHour);
    remember(starts, dayNumber, start);
  }
  return new Date(start);
}

/**
 * Start instants (epoch ms) of `count` consecutive study days from `fromKey`: the same values
 * as `studyDayStart` for each day, much faster over long ranges. Days seen before come from the
 * cache; of the others, most start exactly 24 h after the previous one, which one Intl call
 * confirms; only a day next to an offset change (DST) takes the full computation. (Assumes no
 * zone changes its offset twice within 24 h, true of every zone in the tz database in modern times.)
 * @example studyDayStarts('2024-03-30', 2, 'Europe/Berlin', 4) // [Date.parse('2024-03-30T03:00Z'), Date.parse('2024-03-31T02:00Z')]
 */
export function studyDayStarts(fromKey: string, count: number, timeZone: string, rolloverHour: number = DEFAULT_ROLLOVER_HOUR): number[] {
  assertRollover(rolloverHour);
  const [fy, fm, fd] = parseKey(fromKey);
  const firstDay = Date.UTC(fy, fm - 1, fd) / DAY_MS;
  const starts = startsFor(timeZone, rolloverHour);
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const dayNumber = firstDay + i;
    let start = starts.get(dayNumber);
    if (start === undefined) {
      const date = new Date(dayNumber * DAY_MS);
      const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
      const previous = out[i - 1];
      if (previous !== undefined) {
        const guess = previous + DAY_MS;
        const w = wallTime(guess, timeZone);
        if (w.year === y && w.month === m && w.day === d && w.hour === rolloverHour && w.minute === 0 && w.second === 0) start = guess;
      }
      start ??= computeStudyDayStart(y, m, d, timeZone, rolloverHour);
      remember(starts, dayNumber, start);
    }
    out.push(start);
  }
  return out;
}

/**
 * `count` consecutive day keys from `fromKey`, oldest first.
 * @example dayKeysFrom('2024-02-28', 3) // ['2024-02-28', '2024-02-29', '2024-03-01']
 */
export function dayKeysFrom(fromKey: string, count: number): string[] {
  const [y, m, d] = parseKey(fromKey);
  const first = Date.UTC(y, m - 1, d);
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(formatKey(first + i * DAY_MS));
  return out;
}

/**
 * Key and [start, end) UTC bounds of the study day containing `at`.
 * @example
 * studyDayBounds(new Date('2024-03-30T12:00:00Z'), 'Europe/Berlin', 4)
 * // { key: '2024-03-30', start: 2024-03-30T03:00Z, end: 2024-03-31T02:00Z } — a 23 h day
 */
export function studyDayBounds(
  at: Date,
  timeZone: string,
  rolloverHour: number = DEFAULT_ROLLOVER_HOUR,
): { key: string; start: Date; end: Date } {
  const key = studyDayKey(at, timeZone, rolloverHour);
  return {
    key,
    start: studyDayStart(key, timeZone, rolloverHour),
    end: studyDayStart(addDays(key, 1), timeZone, rolloverHour),
  };
}
