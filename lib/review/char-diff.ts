/**
 * A character diff of a typed answer against the accepted one, as Anki's type-in comparison
 * shows it: which characters of the answer are right, which are extra, which are missing.
 * A longest-common-subsequence table over at most 200 × 200 characters (the answer box's limit).
 */

/** `text` is as typed (for 'same' and 'extra') or as accepted ('missing'); a 'same' part also has the accepted spelling. */
export type DiffPart = { kind: 'same'; text: string; expected: string } | { kind: 'extra' | 'missing'; text: string };

/**
 * @example charDiff('tokaev', 'Tokayev') // [{ kind: 'same', text: 'toka', expected: 'Toka' }, { kind: 'missing', text: 'y' }, { kind: 'same', text: 'ev', expected: 'ev' }]
 */
export function charDiff(given: string, expected: string): DiffPart[] {
  const a = Array.from(given.slice(0, 200));
  const b = Array.from(expected.slice(0, 200));
  const same = (x: string | undefined, y: string | undefined) => x !== undefined && y !== undefined && x.toLowerCase() === y.toLowerCase();
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..] (case-insensitive).
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = same(a[i], b[j]) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], ch: string, expectedCh = ch) => {
    const last = parts.at(-1);
    if (last?.kind === kind) {
      last.text += ch;
      if (last.kind === 'same') last.expected += expectedCh;
    } else parts.push(kind === 'same' ? { kind, text: ch, expected: expectedCh } : { kind, text: ch });
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && same(a[i], b[j])) {
      push('same', a[i] as string, b[j] as string);
      i++;
      j++;
    } else if (j < b.length && (i >= a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) push('missing', b[j++] as string);
    else push('extra', a[i++] as string);
  }
  return parts;
}
