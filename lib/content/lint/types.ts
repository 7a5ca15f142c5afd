export type LintRule =
  | 'key-length'
  | 'wording-cue'
  | 'stem-repeat'
  | 'answer-in-question'
  | 'answer-elsewhere'
  | 'negative-stem'
  | 'all-none-above'
  | 'near-duplicate'
  | 'too-many-warnings';

/** One finding: about one item (itemId) or about the deck as a whole. `message` is one line. */
export interface LintFinding {
  rule: LintRule;
  itemId?: string;
  message: string;
}
