// The thresholds an author may set per deck (deck.yaml `lint:`), with the defaults every deck gets.
// Deck-wide checks are statistics over many items, so they stay silent below `minItems`.
import { z } from 'zod';

const share = z.number().min(0).max(1);

export const LintConfigSchema = z.strictObject({
  /** Deck-wide checks (key length, wording cues) need at least this many MCQ or true/false items. */
  minItems: z.int().min(1).max(10_000).default(8),
  /** Error when more than this share of MCQ keys sit at one length rank (longest, 2nd longest, …). */
  maxKeyRankShare: share.default(0.4),
  /** Error when the key is the longest option in fewer than this share of MCQs (a key that is never longest is a cue too). */
  minKeyLongestShare: share.default(0.1),
  /** Error when "absolute wording means false, hedged wording means true" is right on more than this share of the true/false items that carry such wording. */
  maxWordingCueAccuracy: z.number().min(0.5).max(1).default(0.75),
  /** Error when more than this share of the true/false items have the same answer. */
  maxAnswerShare: z.number().min(0.5).max(1).default(0.65),
  /** Error when there are more item warnings than this; no limit when left out. */
  maxWarnings: z.int().min(0).max(10_000).optional(),
  /** Two prompts sharing a run of this many words are near-duplicates. */
  duplicateRunWords: z.int().min(3).max(50).default(6),
  /** A typed answer printed in more than this many other questions is deck vocabulary, not a give-away. */
  commonAnswerItems: z.int().min(0).max(1000).default(4),
  /** An option sharing a run of this many words with its question repeats the stem. */
  stemRunWords: z.int().min(2).max(20).default(4),
});

export type LintConfig = z.infer<typeof LintConfigSchema>;
export type LintConfigInput = z.input<typeof LintConfigSchema>;

export const DEFAULT_LINT_CONFIG: LintConfig = LintConfigSchema.parse({});
