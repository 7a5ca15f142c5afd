/**
 * The item-writing check in the deck editor: the same report `npm run content:check` prints
 * (lib/content/lint), as a compact list. Deck-wide problems first, then one row per item finding
 * with a link to the item; collapsed when there is nothing to say. Readable at 390 px wide.
 */
import Link from 'next/link';
import { DEFAULT_LINT_CONFIG, type LintFinding, type LintReport, type LintRule } from '@/lib/content/lint';

const RULE_LABELS: Record<LintRule, string> = {
  'key-length': 'Answer length',
  'wording-cue': 'True/false wording',
  'stem-repeat': 'Repeats the question',
  'answer-in-question': 'Answer in the question',
  'answer-elsewhere': 'Answer given away',
  'negative-stem': 'Negative question',
  'all-none-above': 'All/none of the above',
  'near-duplicate': 'Near-duplicate',
  'too-many-warnings': 'Too many warnings',
};

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

interface Props {
  deckId: string;
  report: LintReport;
  /** Item id → its question in one line, for the rows. */
  headlines: Record<string, string>;
}

export function LintPanel({ deckId, report, headlines }: Props) {
  const { errors, warnings } = report;
  const summary =
    errors.length + warnings.length === 0
      ? 'No item-writing problems found'
      : [errors.length ? plural(errors.length, 'problem') + ' for the deck' : '', warnings.length ? plural(warnings.length, 'warning') : ''].filter(Boolean).join(', ');
  const k = report.figures.keyLength;
  return (
    <details className="card disclosure lint-panel" open={errors.length + warnings.length > 0} data-testid="lint-panel">
      <summary>
        Item-writing check:&nbsp;<span className={errors.length ? 'lint-bad' : undefined}>{summary}</span>
      </summary>
      <p className="small muted lint-intro">
        Cues that let a student guess without reading: option lengths, absolute vs cautious wording, answers given away. The same check
        runs in <code>npm run content:check</code>.
        {/* Length ranks say something only over enough items (the same minimum the deck-wide check uses). */}
        {k.items >= DEFAULT_LINT_CONFIG.minItems && ` The key is the longest, 2nd, 3rd and 4th longest option in ${k.byRank.slice(0, 4).join(', ')} of ${plural(k.items, 'multiple-choice item')}.`}
      </p>
      {errors.length > 0 && (
        <ul className="lint-list" aria-label="Problems for the whole deck">
          {errors.map((e, i) => (
            <li key={i} className="lint-error">
              <span className="badge lint-badge-bad">{RULE_LABELS[e.rule]}</span>
              <span>{e.message}</span>
            </li>
          ))}
        </ul>
      )}
      {warnings.length > 0 && (
        <ul className="lint-list" aria-label="Warnings by item">
          {warnings.map((w, i) => (
            <LintRow key={i} deckId={deckId} finding={w} headline={w.itemId ? headlines[w.itemId] : undefined} />
          ))}
        </ul>
      )}
    </details>
  );
}

function LintRow({ deckId, finding, headline }: { deckId: string; finding: LintFinding; headline?: string }) {
  return (
    <li data-testid="lint-warning">
      <span className="badge">{RULE_LABELS[finding.rule]}</span>
      {finding.itemId && (
        <Link className="lint-item" href={`/teach/decks/${deckId}/items/${finding.itemId}`}>
          {headline ?? finding.itemId}
        </Link>
      )}
      <span className="small muted lint-reason">{finding.message}</span>
    </li>
  );
}
