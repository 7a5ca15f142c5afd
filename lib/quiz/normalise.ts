/**
 * Text normalisation and edit distance for tolerant grading of typed answers.
 * Normalising removes differences we never count as mistakes: case, accents,
 * punctuation, spacing, a leading article, '&' vs 'and', thousands separators.
 */

const ARTICLE_RE = /^(the|a|an) (?=\S)/;

/**
 * Canonical form of an answer for comparison.
 * Steps: Unicode NFKD + strip combining marks, lower-case, '&' → 'and',
 * remove thousands separators inside numbers ('2,500' → '2500'), drop
 * apostrophes, turn other punctuation (keeping a decimal point between digits)
 * into spaces, collapse whitespace, drop one leading 'the'/'a'/'an'.
 * @example normaliseAnswer('  The Kassym-Jomart  Tokayev! ') // 'kassym jomart tokayev'
 * @example normaliseAnswer('2,500') // '2500'
 */
export function normaliseAnswer(text: string): string {
  let s = text.normalize('NFKD').replace(/\p{M}+/gu, '');
  s = s.toLowerCase();
  s = s.replace(/&/g, ' and ');
  s = s.replace(/(\d)[,\u00a0\u202f](?=\d{3}(?!\d))/g, '$1');
  s = s.replace(/['’‘`´]/g, '');
  s = s.replace(/(\d)\.(?=\d)/g, '$1\uE000');
  s = s.replace(/[^\p{L}\p{N}\uE000]+/gu, ' ').replace(/\uE000/g, '.');
  s = s.trim();
  s = s.replace(ARTICLE_RE, '');
  return s;
}

/**
 * All digit runs in a normalised answer, e.g. to require numbers to match exactly.
 * @example numberTokens('world war 2 in 1945') // ['2', '1945']
 */
export function numberTokens(normalised: string): string[] {
  return normalised.match(/\d+(?:\.\d+)?/g) ?? [];
}

/** True when the normalised answer is only a number ('2500', '3.5'). */
export function isPureNumber(normalised: string): boolean {
  return /^\d+(?:\.\d+)?$/.test(normalised);
}

/**
 * Levenshtein edit distance (insert/delete/substitute = 1) over code points.
 * Stops early and returns `max + 1` once the distance must exceed `max`.
 * @example levenshtein('tokayev', 'tokaev') // 1
 */
export function levenshtein(a: string, b: string, max: number = Infinity): number {
  const s = Array.from(a);
  const t = Array.from(b);
  if (Math.abs(s.length - t.length) > max) return max + 1;
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[t.length] ?? 0;
}
