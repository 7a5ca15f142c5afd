// A test-wise student picks the longest option, or the second longest if the author is known to
// pad distractors. Both work only if the key's length rank is predictable, so the rule looks at
// where the key ranks by length across the deck's MCQs, and at single items whose key stands out.
import type { McqItem } from '../schema';
import type { LintConfig } from './config';
import type { LintFinding } from './types';

/** 1 = the longest option; ties share the better rank (a key tied for longest counts as longest). */
export function keyLengthRank(item: McqItem): number {
  const key = item.options.find((o) => o.correct);
  if (!key) return 0;
  return 1 + item.options.filter((o) => o.text.length > key.text.length).length;
}

const RANK_NAMES = ['longest', '2nd longest', '3rd longest', '4th longest', '5th longest'];

export interface KeyLengthFigures {
  items: number;
  /** How many keys sit at each rank, index 0 = longest. */
  byRank: number[];
}

export function keyLengthFigures(mcqs: readonly McqItem[]): KeyLengthFigures {
  const byRank = [0, 0, 0, 0, 0];
  for (const item of mcqs) {
    const r = keyLengthRank(item);
    if (r >= 1) byRank[r - 1] = (byRank[r - 1] ?? 0) + 1;
  }
  return { items: mcqs.length, byRank };
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

export function keyLengthFindings(mcqs: readonly McqItem[], config: LintConfig): { errors: LintFinding[]; warnings: LintFinding[] } {
  const warnings: LintFinding[] = [];
  for (const item of mcqs) {
    const key = item.options.find((o) => o.correct);
    const others = item.options.filter((o) => !o.correct).map((o) => o.text.length);
    if (!key || others.length === 0) continue;
    const longest = Math.max(...others);
    const shortest = Math.min(...others);
    if (key.text.length >= 1.5 * longest) {
      warnings.push({ rule: 'key-length', itemId: item.id, message: `the key is far longer than every other option (${key.text.length} vs at most ${longest} characters)` });
    } else if (key.text.length * 1.5 <= shortest) {
      warnings.push({ rule: 'key-length', itemId: item.id, message: `the key is far shorter than every other option (${key.text.length} vs at least ${shortest} characters)` });
    }
  }

  const errors: LintFinding[] = [];
  const { items, byRank } = keyLengthFigures(mcqs);
  if (items < config.minItems) return { errors, warnings };
  const top = Math.max(...byRank);
  const topRank = byRank.indexOf(top);
  if (top / items > config.maxKeyRankShare) {
    errors.push({
      rule: 'key-length',
      message: `the key is the ${RANK_NAMES[topRank]} option in ${top} of ${items} MCQs (${pct(top / items)}, limit ${pct(config.maxKeyRankShare)}): picking that option beats chance`,
    });
  }
  const longest = byRank[0] ?? 0;
  if (longest / items < config.minKeyLongestShare) {
    errors.push({
      rule: 'key-length',
      message: `the key is the longest option in only ${longest} of ${items} MCQs (${pct(longest / items)}, at least ${pct(config.minKeyLongestShare)} expected): never picking the longest beats chance`,
    });
  }
  return { errors, warnings };
}
