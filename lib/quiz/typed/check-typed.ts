/**
 * The typed-answer checker: strict on what matters (numbers, names, dates), forgiving on form.
 * An answer is right when, against one of the accepted answers, it is
 * - equal after normalisation (case, accents, punctuation, articles, number words): 'exact';
 * - the same quantity ("about 30 years", "three decades" for 30 years): 'number';
 * - the same date in another order or format, or inside an accepted period: 'date';
 * - the same name with a title ("President Tokayev"): 'title';
 * - the same without a generic noun the question implies ("Unbreakable Brotherhood exercises"): 'noun';
 * - the same compound name turned round ("Charter of the United Nations"): 'wording';
 * - "Full Name (ABBR)" or "ABBR (Full Name)" whose halves agree: 'abbreviation';
 * - the two parts of a two-part answer in the other order ("confidence, competence"): 'order';
 * - any of these with a small typo, as long as every number in it is right: 'typo'.
 * A different number is always wrong: no rule changes a number, and a typo never forgives one.
 */
import { isPureNumber, levenshtein, normaliseAnswer, numberTokens } from '../normalise';
import { contradicts, readDate, sameDate, yearsIn } from './dates';
import { matchesQuantity, numbersAsDigits, readQuantity } from './numbers';
import { bracketed, impliedNouns, initialism, ofPhraseReversed, twoParts, withoutImpliedNouns, withoutTitles } from './phrasing';

export type TypedRule = 'exact' | 'typo' | 'number' | 'date' | 'title' | 'noun' | 'wording' | 'abbreviation' | 'order';

export interface TypedVerdict {
  correct: boolean;
  /** The accepted answer (as the author wrote it) that the answer matched. */
  matched?: string;
  /** How it matched; anything but 'exact' is shown to the student as "accepted as …". */
  rule?: TypedRule;
  /** The accepted answer it was taken as, when a rule (not plain equality) accepted it. */
  acceptedAs?: string;
}

/** Canonical form: normalised, number words as digits. */
export const canonical = (text: string): string => numbersAsDigits(normaliseAnswer(text));

/**
 * Typos allowed for a canonical accepted answer of this length (code points): 0 up to 4, 1 for 5–8, 2 above 8.
 * @example allowedTypos(7) // 1
 */
export function allowedTypos(length: number): number {
  if (length > 8) return 2;
  if (length >= 5) return 1;
  return 0;
}

interface Context {
  question: string;
  nouns: Set<string>;
  countNouns: Set<string>;
  years: number[];
}

function contextOf(question: string): Context {
  const nouns = impliedNouns(question);
  const countNouns = new Set([...nouns, ...canonical(question).split(' ')]);
  return { question, nouns, countNouns, years: yearsIn(question) };
}

interface Form {
  text: string;
  rule: TypedRule;
}

/** The canonical forms an answer may be compared in, each with the rule that produced it. */
function formsOf(text: string, ctx: Context, titles: boolean): Form[] {
  const forms: Form[] = [{ text, rule: 'exact' }];
  const add = (t: string | null, rule: TypedRule, from: Form) => {
    if (t && !forms.some((f) => f.text === t)) forms.push({ text: t, rule: from.rule === 'exact' ? rule : from.rule });
  };
  if (titles) add(withoutTitles(text), 'title', forms[0] as Form);
  for (const f of [...forms]) add(withoutImpliedNouns(f.text, ctx.nouns), 'noun', f);
  for (const f of [...forms]) add(ofPhraseReversed(f.text), 'wording', f);
  return forms;
}

const verdict = (matched: string, rule: TypedRule): TypedVerdict => ({ correct: true, matched, rule, ...(rule === 'exact' ? {} : { acceptedAs: matched }) });

/** One answer against the accepted list, without splitting it into halves or parts. */
function matchWhole(given: string, accepted: readonly string[], ctx: Context): TypedVerdict | null {
  const g = canonical(given);
  if (g === '') return null;
  const candidates = accepted.map((raw) => ({ raw, c: canonical(raw) })).filter((a) => a.c !== '');
  const exact = candidates.find((a) => a.c === g);
  if (exact) return verdict(exact.raw, 'exact');

  // Dates and quantities: agree with one accepted answer and contradict none ("March 2020"
  // agrees with "2020" but not with "late 2020").
  const givenDates = readDate(g);
  const acceptedDates = candidates.map((a) => ({ raw: a.raw, readings: readDate(a.c) })).filter((a) => a.readings.length > 0);
  if (givenDates.length > 0 && acceptedDates.length > 0) {
    const fits = givenDates.filter((gd) => acceptedDates.every((a) => a.readings.some((ad) => !contradicts(gd, ad))));
    const hit = acceptedDates.find((a) => a.readings.some((ad) => fits.some((gd) => sameDate(gd, ad, ctx.years))));
    if (hit) return verdict(hit.raw, 'date');
  }
  const givenQuantity = readQuantity(g, ctx.countNouns);
  const acceptedQuantities = candidates.map((a) => ({ raw: a.raw, q: readQuantity(a.c, ctx.countNouns) }));
  const quantities = acceptedQuantities.flatMap((a) => (a.q ? [a.q] : []));
  if (givenQuantity && matchesQuantity(givenQuantity, quantities)) {
    const hit = acceptedQuantities.find((a) => a.q && matchesQuantity(givenQuantity, [a.q]));
    if (hit) return verdict(hit.raw, 'number');
  }

  const givenForms = formsOf(g, ctx, true);
  const acceptedForms = candidates.map((a) => ({ raw: a.raw, forms: formsOf(a.c, ctx, false) }));
  for (const a of acceptedForms) {
    for (const gf of givenForms) {
      const af = a.forms.find((f) => f.text === gf.text);
      if (af) return verdict(a.raw, gf.rule !== 'exact' ? gf.rule : af.rule === 'exact' ? 'exact' : 'noun');
    }
  }

  // A small typo, never in a number: the digits of both must be the same.
  let best: { raw: string; distance: number } | null = null;
  for (const a of acceptedForms) {
    for (const af of a.forms) {
      const max = allowedTypos(Array.from(af.text).length);
      if (max === 0 || isPureNumber(af.text)) continue;
      for (const gf of givenForms) {
        if (numberTokens(gf.text).join(' ') !== numberTokens(af.text).join(' ')) continue;
        const distance = levenshtein(gf.text, af.text, max);
        if (distance <= max && (best === null || distance < best.distance)) best = { raw: a.raw, distance };
      }
    }
  }
  return best ? verdict(best.raw, 'typo') : null;
}

/** Every way to cut a short answer with no separator into two pieces ("confidence competence"). */
function wordSplits(given: string): [string, string][] {
  const words = given.trim().split(/\s+/);
  if (words.length < 2 || words.length > 8) return [];
  return words.slice(1).map((_, i) => [words.slice(0, i + 1).join(' '), words.slice(i + 1).join(' ')]);
}

/** "X and Y" for an accepted "Y and X": both parts must match, in either order. */
function matchTwoParts(given: string, accepted: readonly string[], ctx: Context): TypedVerdict | null {
  const split = twoParts(given);
  const givenSplits = split ? [split] : wordSplits(given);
  for (const raw of accepted) {
    const parts = twoParts(raw);
    if (!parts) continue;
    const [p, q] = parts;
    const is = (x: string, y: string) => matchWhole(x, [y], ctx) !== null;
    if (givenSplits.some(([x, y]) => (is(x, p) && is(y, q)) || (is(x, q) && is(y, p)))) return verdict(raw, 'order');
  }
  return null;
}

/** "Full Name (ABBR)": both halves match, or one does and the other is its initials. */
function matchBracketed(given: string, accepted: readonly string[], ctx: Context): TypedVerdict | null {
  const halves = bracketed(given);
  if (!halves) return null;
  const [a, b] = halves;
  const ma = matchWhole(a, accepted, ctx);
  const mb = matchWhole(b, accepted, ctx);
  if (ma?.matched && mb) return verdict(ma.matched, 'abbreviation');
  // One half matched; the other must be its initials ("CSTO" for "Collective Security Treaty Organization").
  const isInitialsOf = (abbr: string, full: string, matched: string) => [initialism(canonical(full)), initialism(canonical(matched))].includes(canonical(abbr).replace(/ /g, ''));
  if (ma?.matched && isInitialsOf(b, a, ma.matched)) return verdict(ma.matched, 'abbreviation');
  if (mb?.matched && isInitialsOf(a, b, mb.matched)) return verdict(mb.matched, 'abbreviation');
  return null;
}

/**
 * Checks a typed answer against the accepted answers; `question` tells which nouns and years
 * the answer may leave out.
 * @example checkTyped('around 2,500', ['2,500'], 'Approximately how many troops arrived?') // { correct: true, matched: '2,500', rule: 'number', acceptedAs: '2,500' }
 * @example checkTyped('3,000', ['2,500']) // { correct: false }
 */
export function checkTyped(input: string, accepted: readonly string[], question = ''): TypedVerdict {
  const ctx = contextOf(question);
  const halves = bracketed(input);
  // "Full Name (ABBR)" is judged by its halves only: a bracketed wrong abbreviation must not pass as the name.
  const found = halves ? matchBracketed(input, accepted, ctx) : (matchWhole(input, accepted, ctx) ?? matchTwoParts(input, accepted, ctx));
  return found ?? { correct: false };
}
