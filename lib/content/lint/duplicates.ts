// Near-duplicate items: two prompts that share a long run of words test the same sentence twice,
// and one usually hands the other its answer. Cloze text is read with its answers filled in.
import { parseCloze } from '../cloze';
import type { Item } from '../schema';
import type { LintFinding } from './types';
import { longestSharedRun, quoteRun, shingles, words } from './words';

export function promptOf(item: Item): string {
  switch (item.type) {
    case 'basic':
      return item.front;
    case 'cloze':
      return clozeFilled(item.text);
    case 'mcq':
    case 'typed':
      return item.question;
    case 'truefalse':
      return item.statement;
    case 'ordering':
      return item.prompt;
  }
}

/** The cloze sentence with every deletion filled in by its answer. */
function clozeFilled(text: string): string {
  let out = '';
  let at = 0;
  for (const d of parseCloze(text)) {
    out += text.slice(at, d.start) + d.answer;
    at = d.end;
  }
  return out + text.slice(at);
}

// Question scaffolding ("what is the point of the …") is shared by design; a run counts only if
// it carries at least three words of content.
const STOPWORDS = new Set(
  'a an the of to in on at by for from with and or but not no is are was were be been do does did what which who whom why how when where that this these those it its as than then so if into about her his their she he they author article says say according'.split(' '),
);
const MIN_CONTENT_WORDS = 3;

export function nearDuplicateFindings(items: readonly Item[], runWords: number): LintFinding[] {
  const tokens = items.map((item) => words(promptOf(item)));
  const byShingle = new Map<string, number[]>();
  tokens.forEach((ws, i) => {
    for (const s of shingles(ws, runWords)) byShingle.set(s, [...(byShingle.get(s) ?? []), i]);
  });
  const pairs = new Set<string>();
  for (const list of byShingle.values()) {
    for (let a = 0; a < list.length; a++) for (let b = a + 1; b < list.length; b++) pairs.add(`${list[a]}:${list[b]}`);
  }
  const out: LintFinding[] = [];
  for (const key of [...pairs].sort((x, y) => Number(x.split(':')[0]) - Number(y.split(':')[0]) || Number(x.split(':')[1]) - Number(y.split(':')[1]))) {
    const [i, j] = key.split(':').map(Number) as [number, number];
    const a = items[i];
    const b = items[j];
    if (!a || !b || a.id === b.id) continue;
    const run = longestSharedRun(tokens[i] ?? [], tokens[j] ?? []);
    if (run.filter((w) => !STOPWORDS.has(w)).length < MIN_CONTENT_WORDS) continue;
    out.push({ rule: 'near-duplicate', itemId: b.id, message: `shares ${run.length} words in a row with ${a.id}: ${quoteRun(run)}` });
  }
  return out;
}
