// `npm run content:check [deck-dir]`: validates every deck under content/ (or
// just the given deck folder), prints a summary per deck and every problem as
// `path/to/file.yaml: item-id: message`, and exits 1 if there is any error.
// Source texts for quote checking come from $CONTENT_SOURCE_DIR, else
// <repo>/../shared/source.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { issueLine, lintOf } from '../lib/content/check-deck';
import type { lintDeck } from '../lib/content/lint';
import { validateAllDecks, validateDeckDir, type ContentIssue, type DeckValidation } from '../lib/content/validate';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const contentDir = path.join(repoRoot, 'content');
const sourceDir = process.env.CONTENT_SOURCE_DIR
  ? path.resolve(process.env.CONTENT_SOURCE_DIR)
  : path.resolve(repoRoot, '..', 'shared', 'source');

function display(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') ? rel : p;
}

function line(deckDir: string, issue: ContentIssue): string {
  return issueLine(issue, display(deckDir));
}

function counts(rec: Record<string, number>): string {
  return Object.entries(rec)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
}

/** The deck's figures and its verdict, counting the lint's errors too (a deck that fails lint is not OK). */
function summary(v: DeckValidation, lintErrors: number): string {
  const s = v.stats;
  const errors = v.errors.length + lintErrors;
  const status = errors === 0 ? 'OK' : `${errors} error${errors === 1 ? '' : 's'}`;
  return (
    `${display(v.dir)}: ${status} — ${s.items} items, ${s.cards} cards, ${s.quizQuestions} quiz questions` +
    ` | types: ${counts(s.byType)} | skills: ${counts(s.bySkill)} | sections: ${counts(s.bySection) || 'none'}`
  );
}

const arg = process.argv[2];
const results = arg ? [validateDeckDir(path.resolve(arg), { sourceDir })] : validateAllDecks(contentDir, { sourceDir });

if (results.length === 0) console.log(`no decks found in ${display(contentDir)}`);
/**
 * Prints the item-writing lint (lib/content/check-deck.ts lintOf) of one deck that passed validation:
 * item findings as warnings, deck-wide findings over the deck's thresholds (deck.yaml `lint:`) as errors.
 * Returns the number of errors.
 */
function printLint(v: DeckValidation, report: ReturnType<typeof lintDeck> | null): number {
  if (!report) return 0;
  const k = report.figures.keyLength;
  const w = report.figures.wordingCue;
  console.log(
    `${display(v.dir)}: lint — MCQ key by length rank (longest first): ${k.byRank.slice(0, 4).join('/')} of ${k.items}` +
      ` | true/false: ${w.followCue} of ${w.worded} worded items follow "absolute = false, hedged = true"` +
      ` | ${report.warnings.length} warning${report.warnings.length === 1 ? '' : 's'}, ${report.errors.length} error${report.errors.length === 1 ? '' : 's'}`,
  );
  for (const e of report.errors) console.log(`${display(v.dir)}/${DECK_YAML}: lint ${e.rule}: ${e.message}`);
  for (const f of report.warnings) {
    const file = f.itemId ? (v.itemFiles?.[f.itemId] ?? DECK_YAML) : DECK_YAML;
    console.log(`warning: ${display(v.dir)}/${file}: ${f.itemId ? `${f.itemId}: ` : ''}lint ${f.rule}: ${f.message}`);
  }
  return report.errors.length;
}
const DECK_YAML = 'deck.yaml';

let errorCount = 0;
for (const v of results) {
  const lint = lintOf(v);
  console.log(summary(v, lint?.errors.length ?? 0));
  for (const e of v.errors) console.log(line(v.dir, e));
  for (const w of v.warnings) console.log(`warning: ${line(v.dir, w)}`);
  errorCount += v.errors.length + printLint(v, lint);
}
if (errorCount > 0) {
  console.log(`\n${errorCount} error${errorCount === 1 ? '' : 's'}; fix them before publishing the deck.`);
  process.exit(1);
}
