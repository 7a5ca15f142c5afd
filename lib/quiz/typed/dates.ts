/**
 * Dates in typed answers, in any common order and format: "January 5", "5 January 2022",
 * "Jan. 5th", "5/1/2022", "2022-01-05", "December 1992", "12/1992", "late 2020", "end of 2020".
 * A date is the parts it names (year, month, day, or a part of a year); two dates agree when
 * every part the accepted answer names is given and equal, or inside the accepted period.
 *
 * Hand-written rather than a date-parsing package: what is needed is which parts an answer
 * names, not an instant (chrono-node and any-date-parser resolve missing parts to "now", which is
 * exactly what must not happen here), and chrono-node alone is larger than the whole review page
 * budget allows.
 */

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};
/** Parts of a year, as the months they cover. */
const PERIODS: Record<string, [number, number]> = {
  early: [1, 4], beginning: [1, 4], start: [1, 4],
  mid: [5, 8], middle: [5, 8], midyear: [5, 8],
  late: [9, 12], end: [9, 12],
};
const FILLER = new Set(['of', 'the', 'on', 'in', 'a']);

export interface DateParts {
  year?: number;
  month?: number;
  day?: number;
  /** A part of the year ("late 2020"), as the months it covers. */
  period?: [number, number];
}

const isYear = (n: number) => n >= 1000 && n <= 2999;
const isDay = (n: number) => n >= 1 && n <= 31;
const isMonth = (n: number) => n >= 1 && n <= 12;

/** Every reading of three or fewer bare numbers as a date ("5 1 2022" is 5 January or May 1). */
function numericReadings(nums: number[]): DateParts[] {
  const [a, b, c] = nums as [number, number, number | undefined];
  const out: DateParts[] = [];
  if (nums.length === 3 && c !== undefined) {
    if (isYear(a) && isMonth(b) && isDay(c)) out.push({ year: a, month: b, day: c });
    if (isYear(c) && isDay(a) && isMonth(b)) out.push({ year: c, month: b, day: a });
    if (isYear(c) && isMonth(a) && isDay(b)) out.push({ year: c, month: a, day: b });
  } else if (nums.length === 2) {
    if (isMonth(a) && isYear(b)) out.push({ year: b, month: a });
    if (isYear(a) && isMonth(b)) out.push({ year: a, month: b });
    if (!isYear(a) && !isYear(b)) {
      if (isDay(a) && isMonth(b)) out.push({ month: b, day: a });
      if (isMonth(a) && isDay(b)) out.push({ month: a, day: b });
    }
  }
  return out;
}

/**
 * Every way an answer can be read as a date; empty when it is not only a date. A lone number is
 * read as a year only from 1000 to 2999 (a small number alone is a quantity, not a date).
 * @example readDate('5th January 2022') // [{ year: 2022, month: 1, day: 5 }]
 * @example readDate('late 2020') // [{ year: 2020, period: [9, 12] }]
 */
export function readDate(text: string): DateParts[] {
  const words = text
    .toLowerCase()
    .replace(/(\d)(st|nd|rd|th)\b/g, '$1')
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !FILLER.has(w));
  if (words.length === 0 || words.length > 4) return [];
  const parts: DateParts = {};
  const nums: number[] = [];
  for (const w of words) {
    if (w in MONTHS) {
      if (parts.month !== undefined) return [];
      parts.month = MONTHS[w];
    } else if (w in PERIODS) {
      if (parts.period) return [];
      parts.period = PERIODS[w];
    } else if (/^\d{1,4}$/.test(w)) nums.push(Number(w));
    else return [];
  }
  if (parts.month === undefined && !parts.period) {
    if (nums.length === 1 && isYear(nums[0] as number)) return [{ year: nums[0] }];
    return numericReadings(nums);
  }
  if (parts.period && parts.month !== undefined) return [];
  if (parts.period) return nums.length === 1 && isYear(nums[0] as number) ? [{ year: nums[0], period: parts.period }] : [];
  // A month name with up to a day and a year, in either order.
  const year = nums.filter(isYear);
  const days = nums.filter((n) => !isYear(n));
  if (year.length > 1 || days.length > 1 || (days[0] !== undefined && !isDay(days[0]))) return [];
  return [{ month: parts.month, ...(days[0] !== undefined ? { day: days[0] } : {}), ...(year[0] !== undefined ? { year: year[0] } : {}) }];
}

/** The years a question names ("in January 2022" → [2022]): a year the answer may leave out. */
export function yearsIn(question: string): number[] {
  return (question.match(/\b[12]\d{3}\b/g) ?? []).map(Number);
}

/**
 * Whether a given date says what the accepted one says: the same day and month; the same year,
 * or none when the question names it; a month inside an accepted part of the year; more detail
 * than asked (a month for a year) is fine, less is not.
 * @example sameDate({ month: 1, day: 5, year: 2022 }, { month: 1, day: 5 }, [2022]) // true
 * @example sameDate({ month: 11, year: 2020 }, { year: 2020, period: [9, 12] }, []) // true
 */
export function sameDate(given: DateParts, accepted: DateParts, questionYears: readonly number[]): boolean {
  if (accepted.year !== undefined) {
    if (given.year === undefined ? !questionYears.includes(accepted.year) : given.year !== accepted.year) return false;
  } else if (given.year !== undefined && questionYears.length > 0 && !questionYears.includes(given.year)) return false;
  if (accepted.period) {
    if (given.period) return given.period[0] === accepted.period[0];
    return given.month !== undefined && given.month >= accepted.period[0] && given.month <= accepted.period[1];
  }
  if (given.period) return false;
  if (accepted.month !== undefined && given.month !== accepted.month) return false;
  if (accepted.day !== undefined && given.day !== accepted.day) return false;
  if (accepted.month === undefined && accepted.year === undefined) return false;
  return true;
}

/**
 * Whether two dates disagree on a part both name (a different year, month or day, or a month
 * outside the other's part of the year). Leaving a part out is not a contradiction.
 * @example contradicts({ year: 2020, month: 3 }, { year: 2020, period: [9, 12] }) // true
 */
export function contradicts(given: DateParts, accepted: DateParts): boolean {
  if (given.year !== undefined && accepted.year !== undefined && given.year !== accepted.year) return true;
  if (given.month !== undefined && accepted.month !== undefined && given.month !== accepted.month) return true;
  if (given.day !== undefined && accepted.day !== undefined && given.day !== accepted.day) return true;
  if (accepted.period && given.month !== undefined && (given.month < accepted.period[0] || given.month > accepted.period[1])) return true;
  if (accepted.period && given.period && given.period[0] !== accepted.period[0]) return true;
  return false;
}
