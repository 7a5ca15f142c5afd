// What `npm run content:check` decides about one deck, for the script and for a deck uploaded in
// the browser alike: the validation (validate.ts) and the item-writing lint (lint/), whose
// deck-wide findings over the deck's thresholds are errors and whose item findings are warnings.
import { lintDeck, type LintReport } from './lint';
import { DECK_FILE, type RawDeckDir } from './load';
import { validateRawDeck, type ContentIssue, type DeckValidation, type ValidateOptions } from './validate';

export interface DeckCheck {
  validation: DeckValidation;
  /** Only for a deck that passed validation (lint needs trustworthy items). */
  lint: LintReport | null;
  /** Validation and lint errors: any of them and the deck is not OK. */
  errors: ContentIssue[];
  warnings: ContentIssue[];
}

export function lintOf(v: DeckValidation): LintReport | null {
  return v.ok && v.deck ? lintDeck(v.items ?? [], v.deck.lint ?? {}) : null;
}

/** `file: item-id: message`, as content:check prints an issue (the file relative to the deck folder). */
export function issueLine(issue: ContentIssue, folder = ''): string {
  const file = folder ? `${folder}/${issue.file}` : issue.file;
  return issue.itemId ? `${file}: ${issue.itemId}: ${issue.message}` : `${file}: ${issue.message}`;
}

export function checkRawDeck(raw: RawDeckDir, options: ValidateOptions = {}): DeckCheck {
  const validation = validateRawDeck(raw, options);
  const lint = lintOf(validation);
  const lintErrors = (lint?.errors ?? []).map((e): ContentIssue => ({ file: DECK_FILE, message: `lint ${e.rule}: ${e.message}` }));
  const lintWarnings = (lint?.warnings ?? []).map(
    (f): ContentIssue => ({ file: f.itemId ? (validation.itemFiles?.[f.itemId] ?? DECK_FILE) : DECK_FILE, itemId: f.itemId, message: `lint ${f.rule}: ${f.message}` }),
  );
  return { validation, lint, errors: [...validation.errors, ...lintErrors], warnings: [...validation.warnings, ...lintWarnings] };
}
