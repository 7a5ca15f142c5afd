/**
 * Differences of phrasing a fair teacher ignores, each as a rewrite of a canonical answer
 * (lower case, no punctuation, numbers as digits): a title around a name, a generic noun the
 * question already implies, "Charter of the United Nations" for "United Nations Charter", and the
 * pieces of "Full Name (ABBR)" and of two-part answers. Every rewrite keeps the words that carry
 * the answer; none of them touches a number.
 */

/** Titles and honorifics that may stand before (or after) a name. Longest first. */
const TITLES = [
  'prime minister', 'foreign minister', 'defence minister', 'defense minister', 'minister', 'president', 'premier', 'chancellor',
  'chairman', 'chairwoman', 'chair', 'general', 'gen', 'colonel', 'col', 'analyst', 'dr', 'doctor', 'professor', 'prof',
  'mr', 'mrs', 'ms', 'miss', 'sir', 'pm',
];
const TITLE_RE = new RegExp(`^(?:(?:${TITLES.join('|')}) )+`);
const TRAILING_TITLE_RE = new RegExp(`(?: (?:${TITLES.join('|')}))+$`);

/**
 * The name without the titles around it; null when there were none (or nothing else).
 * @example withoutTitles('prime minister pashinyan') // 'pashinyan'
 */
export function withoutTitles(canonical: string): string | null {
  const stripped = canonical.replace(TITLE_RE, '').replace(TRAILING_TITLE_RE, '').trim();
  return stripped !== canonical && stripped !== '' ? stripped : null;
}

/** Generic nouns, grouped by what they name: a question using one word of a group implies them all. */
const NOUN_GROUPS: readonly (readonly string[])[] = [
  ['troops', 'troop', 'soldiers', 'soldier', 'servicemen', 'personnel', 'peacekeepers', 'forces', 'men'],
  ['exercises', 'exercise', 'drills', 'drill', 'manoeuvres', 'maneuvers', 'wargames'],
  ['brigade', 'unit', 'units', 'regiment', 'division', 'battalion', 'force'],
  ['agreement', 'agreements', 'accords', 'accord', 'treaty', 'deal', 'peace'],
];

/**
 * The generic nouns a question implies: every noun of a group one of whose words it uses.
 * @example impliedNouns('Approximately how many troops arrived?').has('soldiers') // true
 */
export function impliedNouns(question: string): Set<string> {
  const words = new Set(question.toLowerCase().split(/[^a-z]+/));
  const out = new Set<string>();
  for (const group of NOUN_GROUPS) if (group.some((w) => words.has(w))) for (const w of group) out.add(w);
  return out;
}

/**
 * The answer without trailing implied nouns ("dayton peace agreement" → "dayton" when the
 * question asks for an agreement); null when nothing was removed or no word of substance (one
 * with letters only) would be left, so "45th brigade" never shrinks to "45th".
 */
export function withoutImpliedNouns(canonical: string, nouns: ReadonlySet<string>): string | null {
  const words = canonical.split(' ');
  let end = words.length;
  while (end > 1 && nouns.has(words[end - 1] as string)) end--;
  if (end === words.length) return null;
  const kept = words.slice(0, end);
  return kept.some((w) => /^\p{L}+$/u.test(w)) ? kept.join(' ') : null;
}

/**
 * "charter of the united nations" → "united nations charter": the "X of Y" form of a compound name.
 * Null when the answer has no single "of" between words.
 */
export function ofPhraseReversed(canonical: string): string | null {
  const m = /^(.+?) of (?:the )?(.+)$/.exec(canonical);
  if (!m || (m[2] as string).includes(' of ')) return null;
  return `${m[2]} ${m[1]}`;
}

const SMALL_WORDS = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'to', 'a', 'an']);

/**
 * The initials of a name ("collective security treaty organization" → "csto"); null for one word.
 */
export function initialism(canonical: string): string | null {
  const words = canonical.split(' ').filter((w) => w && !SMALL_WORDS.has(w));
  return words.length > 1 ? words.map((w) => w[0]).join('') : null;
}

/**
 * "Full Name (ABBR)" or "ABBR (Full Name)" as its two halves, from the raw answer; null otherwise.
 * @example bracketed('Collective Security Treaty Organization (CSTO)') // ['Collective Security Treaty Organization', 'CSTO']
 */
export function bracketed(raw: string): [string, string] | null {
  const m = /^\s*([^()]+?)\s*[([]\s*([^()[\]]+?)\s*[)\]]\s*$/.exec(raw);
  return m ? [m[1] as string, m[2] as string] : null;
}

/**
 * The parts of an answer that lists two things ("X and Y", "Y, X", "X & Y", "X / Y"), from the raw
 * answer; null when it does not split into exactly two.
 * @example twoParts('confidence, competence') // ['confidence', 'competence']
 */
export function twoParts(raw: string): [string, string] | null {
  const parts = raw
    .replace(/^\s*both\s+/i, '')
    .split(/\s*(?:,|;|\/|&|\band\b)\s*/i)
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length === 2 ? [parts[0] as string, parts[1] as string] : null;
}
