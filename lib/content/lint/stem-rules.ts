// Item-by-item rules on how a question is put: options that repeat the stem (the key echoing the
// question is a cue; a distractor doing it is padding), answers that the question itself gives,
// negative stems ("Which is NOT…"), and "all / none of the above".
import type { Item, McqItem, TypedItem } from '../schema';
import type { LintConfig } from './config';
import type { LintFinding } from './types';
import { longestSharedRun, quoteRun, words } from './words';

export function stemRepeatFindings(item: McqItem, config: LintConfig): LintFinding[] {
  const stem = words(item.question);
  const out: LintFinding[] = [];
  item.options.forEach((o, i) => {
    const run = longestSharedRun(words(o.text), stem);
    if (run.length >= config.stemRunWords) {
      const which = o.correct ? `the key (option ${i + 1})` : `option ${i + 1}`;
      out.push({ rule: 'stem-repeat', itemId: item.id, message: `${which} repeats ${quoteRun(run)} from the question` });
    }
  });
  return out;
}

/** A typed item whose question contains one of its accepted answers gives itself away. */
export function answerInQuestionFindings(item: TypedItem): LintFinding[] {
  const q = ` ${words(item.question).join(' ')} `;
  const given = item.answers.find((a) => {
    const w = words(a).join(' ');
    return w.length > 0 && q.includes(` ${w} `);
  });
  return given === undefined ? [] : [{ rule: 'answer-in-question', itemId: item.id, message: `the question already contains the accepted answer "${given}"` }];
}

// Upper-case NOT/EXCEPT, or "which … is not / isn't" in any case.
const NEGATIVE = [/\b(NOT|EXCEPT|LEAST)\b/, /\bwhich\b[^?]*\b(is|was|are|were|does|did)\s+not\b/i, /\bwhich\b[^?]*\b(isn't|wasn't|doesn't|didn't)\b/i, /\bnot one of\b/i];

function stemOf(item: Item): string | undefined {
  if (item.type === 'mcq' || item.type === 'typed') return item.question;
  if (item.type === 'basic') return item.front;
  if (item.type === 'ordering') return item.prompt;
  return undefined;
}

export function negativeStemFindings(item: Item): LintFinding[] {
  const stem = stemOf(item);
  if (stem === undefined || !NEGATIVE.some((re) => re.test(stem))) return [];
  return [{ rule: 'negative-stem', itemId: item.id, message: 'negative stem: ask what is true instead of what is not (students misread NOT, and the distractors become the lesson)' }];
}

const ALL_NONE = /\b(all|none|both|neither) of (the )?(above|these|them|those)\b/i;

export function allNoneFindings(item: McqItem): LintFinding[] {
  const i = item.options.findIndex((o) => ALL_NONE.test(o.text));
  return i === -1 ? [] : [{ rule: 'all-none-above', itemId: item.id, message: `option ${i + 1} is "${item.options[i]?.text}": recognizing two true options gives it away; write a real option` }];
}

/** What a quiz item shows before it is answered (ordering steps included: they are all on screen). */
function shownText(item: Item): string | undefined {
  if (item.type === 'mcq' || item.type === 'typed') return item.question;
  if (item.type === 'truefalse') return item.statement;
  if (item.type === 'ordering') return `${item.prompt} ${item.steps.join(' ')}`;
  return undefined;
}

/**
 * A typed item's answer printed in another quiz question hands it over (SuperMemo's interference).
 * An answer that appears in more than `commonAfter` other questions is the deck's own vocabulary
 * (the CSTO, Putin): the typed item then only tests the spelling, and warning about it is noise.
 */
export function answerElsewhereFindings(items: readonly Item[], commonAfter: number): LintFinding[] {
  const shown = items.map((i) => {
    const t = shownText(i);
    return t === undefined ? undefined : ` ${words(t).join(' ')} `;
  });
  const out: LintFinding[] = [];
  items.forEach((item, i) => {
    if (item.type !== 'typed') return;
    const answer = words(item.answers[0] ?? '').join(' ');
    if (answer.length < 3) return;
    const givers = items.filter((other, j) => j !== i && shown[j]?.includes(` ${answer} `)).map((o) => o.id);
    if (givers.length === 0 || givers.length > commonAfter) return;
    out.push({ rule: 'answer-elsewhere', itemId: item.id, message: `its answer "${item.answers[0]}" is printed in ${givers.join(', ')}` });
  });
  return out;
}
