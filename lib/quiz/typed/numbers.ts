/**
 * Numbers in typed answers: number words become digits ("thirty" → "30", "forty-fifth" → "45th"),
 * and an answer that is only a quantity ("about 30 years", "three decades", "~2,500 troops") is
 * read as a value and a unit, so two quantities compare by value.
 *
 * Hand-written rather than a package: English cardinals and ordinals up to the millions are a
 * table of ~40 words, and the packages on the registry that do it (words-to-numbers and friends)
 * are unmaintained or pull in fuzzy-matching libraries many times this size, while this code
 * ships to the browser with the review screen's answer checker.
 */

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const ORDINAL: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19,
  twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60, seventieth: 70, eightieth: 80, ninetieth: 90,
};
const SCALE: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000 };

const isNumberWord = (w: string) => w in SMALL || w in SCALE;

/** Reads a run of number words starting at `i`; returns the value, whether it ended on an ordinal, and where it stopped. */
function readNumber(words: readonly string[], i: number): { value: number; ordinal: boolean; end: number } | null {
  let total = 0;
  let current = 0;
  let j = i;
  let any = false;
  let ordinal = false;
  while (j < words.length) {
    const w = words[j] as string;
    const digits = /^\d+(?:\.\d+)?$/.test(w) && !any && SCALE[words[j + 1] ?? ''] !== undefined;
    if (digits) current = Number(w);
    else if (w in SMALL) current += SMALL[w] as number;
    else if (w in ORDINAL) {
      current += ORDINAL[w] as number;
      ordinal = true;
      any = true;
      j++;
      break;
    } else if (w in SCALE) {
      if (!any) return null;
      const scale = SCALE[w] as number;
      if (scale === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * scale;
        current = 0;
      }
    } else if (w === 'and' && any && isNumberWord(words[j + 1] ?? '') && !(words[j + 1] as string in SCALE)) {
      j++;
      continue;
    } else break;
    any = true;
    j++;
  }
  return any ? { value: total + current, ordinal, end: j } : null;
}

/**
 * Rewrites number words in a normalised answer as digits; ordinals keep their suffix.
 * @example numbersAsDigits('thirty years') // '30 years'
 * @example numbersAsDigits('forty fifth brigade') // '45th brigade'
 * @example numbersAsDigits('2.5 thousand') // '2500'
 */
export function numbersAsDigits(normalised: string): string {
  const words = normalised.split(' ').filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    const n = readNumber(words, i);
    if (n) {
      out.push(n.ordinal ? `${n.value}th` : String(n.value));
      i = n.end;
    } else out.push(words[i++] as string);
  }
  return out.join(' ');
}

/** Words that say a number is approximate; they never change its value. */
const APPROXIMATORS = new Set(['about', 'around', 'approximately', 'approx', 'roughly', 'circa', 'c', 'ca', 'some', 'an', 'estimated']);
// Bounds ("over", "under", "more than") are not hedges: "over 2,500" claims something else.

/** Units of time the checker converts between; other unit words must be ones the question uses. */
const UNITS: Record<string, { unit: string; factor: number }> = {
  year: { unit: 'year', factor: 1 }, years: { unit: 'year', factor: 1 }, yr: { unit: 'year', factor: 1 }, yrs: { unit: 'year', factor: 1 },
  decade: { unit: 'year', factor: 10 }, decades: { unit: 'year', factor: 10 },
  century: { unit: 'year', factor: 100 }, centuries: { unit: 'year', factor: 100 },
  month: { unit: 'month', factor: 1 }, months: { unit: 'month', factor: 1 },
  week: { unit: 'day', factor: 7 }, weeks: { unit: 'day', factor: 7 },
  day: { unit: 'day', factor: 1 }, days: { unit: 'day', factor: 1 },
  percent: { unit: 'percent', factor: 1 }, per: { unit: 'percent', factor: 1 }, cent: { unit: 'percent', factor: 1 },
};

export interface Quantity {
  value: number;
  /** 'year', 'month', 'day', 'percent', or null for a plain count ("2,500", "2,500 troops"). */
  unit: string | null;
}

/**
 * Reads an answer that is only a quantity: optional approximators, one number, optional unit
 * words. `countNouns` are the nouns a plain count may carry (the words of the question and their
 * synonyms: "troops" when it asks "how many troops"). Anything else makes it not a quantity.
 * @example readQuantity('about 30 years', new Set()) // { value: 30, unit: 'year' }
 * @example readQuantity('3 decades', new Set()) // { value: 30, unit: 'year' }
 * @example readQuantity('2500 troops', new Set(['troops'])) // { value: 2500, unit: null }
 */
export function readQuantity(canonical: string, countNouns: ReadonlySet<string>): Quantity | null {
  const words = canonical.split(' ').filter(Boolean);
  let i = 0;
  while (i < words.length && APPROXIMATORS.has(words[i] as string)) i++;
  const number = words[i];
  if (number === undefined || !/^\d+(?:\.\d+)?$/.test(number)) return null;
  let value = Number(number);
  let unit: string | null = null;
  for (const w of words.slice(i + 1)) {
    const u = UNITS[w];
    if (u) {
      if (unit !== null && unit !== u.unit) return null;
      if (unit === null) value *= u.factor;
      unit = u.unit;
    } else if (!countNouns.has(w) && w !== 'of' && w !== 'old') return null;
  }
  return { value, unit };
}

/**
 * Whether a given quantity says what one of the accepted ones says: the same value, in a unit
 * some accepted answer uses (a bare number takes the unit of the others: "30" for "30 years",
 * but "30 months" is not "30").
 */
export function matchesQuantity(given: Quantity, accepted: readonly Quantity[]): boolean {
  const units = new Set(accepted.map((q) => q.unit).filter((u) => u !== null));
  if (given.unit !== null && units.size > 0 && !units.has(given.unit)) return false;
  return accepted.some((a) => (a.unit === null || given.unit === null || a.unit === given.unit) && Math.abs(a.value - given.value) < 1e-9);
}
