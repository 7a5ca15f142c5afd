// Item-writing lint for a deck: the checks an editor runs by eye (Haladyna's MCQ guidelines,
// SuperMemo's rules), made mechanical so content:check and the deck editor can report them.
// Pure: takes items and thresholds, returns findings. Item findings are warnings; deck-wide
// statistics beyond the deck's thresholds (and too many warnings, if the deck caps them) are errors.
import type { Item, McqItem, TrueFalseItem } from '../schema';
import { DEFAULT_LINT_CONFIG, LintConfigSchema, type LintConfig, type LintConfigInput } from './config';
import { nearDuplicateFindings } from './duplicates';
import { keyLengthFigures, keyLengthFindings, type KeyLengthFigures } from './key-length';
import { allNoneFindings, answerElsewhereFindings, answerInQuestionFindings, negativeStemFindings, stemRepeatFindings } from './stem-rules';
import type { LintFinding } from './types';
import { followsWordingCue, wordingCueFindings } from './wording-cue';

export { DEFAULT_LINT_CONFIG, LintConfigSchema, type LintConfig, type LintConfigInput };
export type { LintFinding, LintRule } from './types';

export interface LintReport {
  errors: LintFinding[];
  warnings: LintFinding[];
  figures: {
    keyLength: KeyLengthFigures;
    /** True/false items whose wording is absolute or hedged, and how many of them the cue answers. */
    wordingCue: { worded: number; followCue: number; trueFalse: number };
  };
}

export function lintDeck(items: readonly Item[], config: LintConfigInput | LintConfig = DEFAULT_LINT_CONFIG): LintReport {
  const cfg = LintConfigSchema.parse(config);
  const mcqs = items.filter((i): i is McqItem => i.type === 'mcq');
  const tfs = items.filter((i): i is TrueFalseItem => i.type === 'truefalse');

  const perItem = items.flatMap((item) => [
    ...negativeStemFindings(item),
    ...(item.type === 'mcq' ? [...stemRepeatFindings(item, cfg), ...allNoneFindings(item)] : []),
    ...(item.type === 'typed' ? answerInQuestionFindings(item) : []),
  ]);
  const keyLength = keyLengthFindings(mcqs, cfg);
  const wording = wordingCueFindings(tfs, cfg);
  const warnings = [...perItem, ...keyLength.warnings, ...wording.warnings, ...answerElsewhereFindings(items, cfg.commonAnswerItems), ...nearDuplicateFindings(items, cfg.duplicateRunWords)];
  const errors = [...keyLength.errors, ...wording.errors];
  if (cfg.maxWarnings !== undefined && warnings.length > cfg.maxWarnings) {
    errors.push({ rule: 'too-many-warnings', message: `${warnings.length} item-writing warnings, over the deck's limit of ${cfg.maxWarnings}` });
  }

  const cue = tfs.map(followsWordingCue).filter((f) => f !== undefined);
  return {
    errors,
    warnings,
    figures: {
      keyLength: keyLengthFigures(mcqs),
      wordingCue: { worded: cue.length, followCue: cue.filter(Boolean).length, trueFalse: tfs.length },
    },
  };
}
