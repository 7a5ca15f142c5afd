// Checks that evidence quotes really occur in the article. The source text is
// a web capture full of markdown link noise (escaped URLs inside link text,
// `(<https://...>)` autolinks, a URL wrapped across a blank line, `**bold**`),
// so both sides are normalised to bare lower-case words before comparing.
// The same function is applied to source and quote, so any rule here only
// has to be safe, not perfect: it can never make a quote "more" wrong.

const URL_START = String.raw`(?:https?:\/\/|\/)`;

const NOISE: [RegExp, string][] = [
  // `[text](https://...)` / `[text](/path)`: drop the target, keep `]` so the
  // link-text rules below still see the brackets.
  [/\]\([^)\s]*\)/g, ']'],
  // `\(https://...\)` escaped inside link text; the closing `\)` may be missing
  // when the capture wrapped the URL onto the next line. `\(CSTO\)` survives.
  [new RegExp(String.raw`\\\(${URL_START}[^\s\\\]]*(?:\\\))?`, 'g'), ''],
  // ` (<https://...>)` autolinks after bold text.
  [/\(<[^>\s]*>\)/g, ''],
  // plain `(https://...)` or `(/policy-analysis/...)`.
  [new RegExp(String.raw`\(${URL_START}[^)\s]*\)`, 'g'), ''],
  // `[g2/fmso/m/...]`: link text that is only the wrapped tail of a URL.
  [/\[[^\s[\]]*\/[^\s[\]]*\]/g, ''],
  // Markdown emphasis, brackets and escapes. Brackets go on both sides, which
  // also lets authors quote editorial insertions like "[American] troops".
  [/[*[\]\\]/g, ''],
  [/[‘’‚‛′]/g, "'"],
  [/[“”„‟″]/g, '"'],
  [/…/g, '...'],
  [/[‐‑‒–—―−]/g, '-'],
  [/-{2,}/g, '-'],
  [/\s+/g, ' '],
  // "mandate — self" vs "mandate—self": spacing around dashes is not evidence.
  [/ ?- ?/g, '-'],
  // Removing a link can leave "warning ." behind.
  [/ ([.,;:!?)])/g, '$1'],
  [/\( /g, '('],
];

export function normaliseForMatch(s: string): string {
  let out = s.normalize('NFC');
  for (const [re, to] of NOISE) out = out.replace(re, to);
  return out.trim().toLowerCase();
}

const WORDISH = /[\p{L}\p{N}]/u;

/** True if `needle` occurs in `hay` without starting or ending mid-word. */
function occursAtWordBoundary(hay: string, needle: string): boolean {
  if (!needle) return false;
  const checkStart = WORDISH.test(needle[0] ?? '');
  const checkEnd = WORDISH.test(needle[needle.length - 1] ?? '');
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + 1)) {
    const before = hay[i - 1] ?? ' ';
    const after = hay[i + needle.length] ?? ' ';
    if ((!checkStart || !WORDISH.test(before)) && (!checkEnd || !WORDISH.test(after))) return true;
  }
  return false;
}

export interface QuoteMatcher {
  /** Does the quote occur verbatim (after normalisation) in the source? */
  occurs(quote: string): boolean;
  /** The longest leading run of the quote's words that does occur; helps authors find the typo. */
  matchingPrefix(quote: string): string;
}

/** Normalises the source once, for checking many quotes against it. */
export function createQuoteMatcher(source: string): QuoteMatcher {
  const hay = normaliseForMatch(source);
  return {
    occurs: (quote) => occursAtWordBoundary(hay, normaliseForMatch(quote)),
    matchingPrefix(quote) {
      const words = quote.trim().split(/\s+/);
      let best = 0;
      for (let k = 1; k <= words.length; k++) {
        if (!occursAtWordBoundary(hay, normaliseForMatch(words.slice(0, k).join(' ')))) break;
        best = k;
      }
      return words.slice(0, best).join(' ');
    },
  };
}

export function quoteOccursIn(source: string, quote: string): boolean {
  return createQuoteMatcher(source).occurs(quote);
}
