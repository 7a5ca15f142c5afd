// Word-level helpers shared by the lint rules: one tokeniser, so "two prompts share a run of
// words" and "an option repeats the stem" mean the same thing everywhere.

/** Lower-case words with punctuation, quotes and dashes dropped ("U.S.-led" → ["us", "led"]). */
export function words(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’'`]/g, '')
    .replace(/\./g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The longest run of consecutive words that both lists contain, as words (first found on ties). */
export function longestSharedRun(a: readonly string[], b: readonly string[]): string[] {
  let best = 0;
  let end = 0;
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] === b[j - 1]) {
        row[j] = (prev[j - 1] ?? 0) + 1;
        if ((row[j] ?? 0) > best) {
          best = row[j] ?? 0;
          end = i;
        }
      }
    }
    prev = row;
  }
  return a.slice(end - best, end);
}

/** Every run of n consecutive words, joined by spaces: a cheap index for finding shared runs. */
export function shingles(list: readonly string[], n: number): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + n <= list.length; i++) out.add(list.slice(i, i + n).join(' '));
  return out;
}

/** Shortens a quoted run for a one-line message. */
export function quoteRun(run: readonly string[], max = 8): string {
  return `"${run.slice(0, max).join(' ')}${run.length > max ? ' …' : ''}"`;
}
