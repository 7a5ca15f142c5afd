// The old rule of thumb "absolute statements are false, hedged ones are true" must not work on a
// deck. Each true/false statement is classed by its wording (more absolute than hedged words, or
// the reverse); the rule's hit rate over the classed statements is compared to the deck's limit.
import type { TrueFalseItem } from '../schema';
import type { LintConfig } from './config';
import type { LintFinding } from './types';
import { words } from './words';

/** Absolute or overclaiming words; multi-word entries match as phrases. */
export const ABSOLUTE_WORDS = [
  'always', 'never', 'all', 'only', 'entirely', 'completely', 'wholly', 'totally', 'none', 'every', 'nothing',
  'no one', 'must', 'necessarily', 'certainly', 'definitely', 'unique', 'uniquely', 'solely', 'purely',
  'invariably', 'impossible', 'proves', 'proved', 'established fact', 'free of', 'without exception',
  'exactly', 'outright', 'explicitly', 'plainly', 'clearly', 'insists', 'flatly', 'any', 'already', 'fully',
  'the key', 'the central', 'the main', 'enough to', 'same', 'absolutely', 'sole', 'open ended', 'long planned',
  'well documented', 'in full', 'at all', 'whole',
];

/** Hedging or conceding words. */
export const HEDGED_WORDS = [
  'often', 'may', 'might', 'some', 'tends to', 'tend to', 'usually', 'generally', 'perhaps', 'probably',
  'possibly', 'likely', 'suggests', 'suggest', 'can', 'could', 'sometimes', 'mostly', 'largely', 'partly',
  'at least', 'acknowledges', 'admits', 'concedes', 'grants', 'appears', 'seems', 'somewhat', 'arguably',
  'acknowledge', 'admit', 'concede', 'grant', 'tentatively', 'possible', 'maybe', 'unclear', 'would', 'partially',
];

function countPhrases(ws: readonly string[], phrases: readonly string[]): number {
  const text = ` ${ws.join(' ')} `;
  let n = 0;
  for (const p of phrases) {
    for (let i = text.indexOf(` ${p} `); i !== -1; i = text.indexOf(` ${p} `, i + 1)) n++;
  }
  return n;
}

export type Wording = 'absolute' | 'hedged' | 'neutral';

export function wordingOf(statement: string): Wording {
  const ws = words(statement);
  const a = countPhrases(ws, ABSOLUTE_WORDS);
  const h = countPhrases(ws, HEDGED_WORDS);
  return a > h ? 'absolute' : h > a ? 'hedged' : 'neutral';
}

/** Does the item's answer follow "absolute → false, hedged → true"? undefined when neutral. */
export function followsWordingCue(item: TrueFalseItem): boolean | undefined {
  const w = wordingOf(item.statement);
  if (w === 'neutral') return undefined;
  return (w === 'absolute') === (item.answer === false);
}

export function wordingCueFindings(tfs: readonly TrueFalseItem[], config: LintConfig): { errors: LintFinding[]; warnings: LintFinding[] } {
  const errors: LintFinding[] = [];
  const warnings: LintFinding[] = [];
  if (tfs.length < config.minItems) return { errors, warnings };

  // Mostly-true (or mostly-false) statements are a cue of their own: "answer true" then beats chance.
  const trues = tfs.filter((i) => i.answer).length;
  const share = Math.max(trues, tfs.length - trues) / tfs.length;
  if (share > config.maxAnswerShare) {
    const which = trues * 2 > tfs.length ? 'true' : 'false';
    errors.push({ rule: 'wording-cue', message: `${Math.max(trues, tfs.length - trues)} of ${tfs.length} true/false items are ${which} (${pct(share)}, limit ${pct(config.maxAnswerShare)}): always answering "${which}" beats chance` });
  }

  const classed = tfs.map((item) => ({ item, follows: followsWordingCue(item) })).filter((x) => x.follows !== undefined);
  if (classed.length === 0) return { errors, warnings };
  const hits = classed.filter((x) => x.follows).length;
  const accuracy = hits / classed.length;
  // The cue works in both directions: a deck whose strong statements are mostly true teaches the reverse rule.
  const reversed = 1 - accuracy > config.maxWordingCueAccuracy;
  if (accuracy <= config.maxWordingCueAccuracy && !reversed) return { errors, warnings };
  const rule = reversed ? '"absolute means true, hedged means false"' : '"absolute means false, hedged means true"';
  const right = reversed ? classed.length - hits : hits;
  errors.push({
    rule: 'wording-cue',
    message: `${rule} answers ${right} of ${classed.length} worded true/false items (${pct(right / classed.length)}, limit ${pct(config.maxWordingCueAccuracy)}): mix strongly and cautiously worded statements on both sides`,
  });
  for (const { item, follows } of classed) {
    if (follows === !reversed) {
      warnings.push({ rule: 'wording-cue', itemId: item.id, message: `${wordingOf(item.statement)} wording and the answer is ${item.answer}, as the cue predicts` });
    }
  }
  return { errors, warnings };
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}
