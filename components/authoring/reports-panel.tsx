/**
 * Students' reports on the deck's cards, beside the item-writing check in the deck editor: open
 * ones first, each with its item, reason, note and the author's answer form; handled ones with
 * the reply sent. Collapsed when nothing is open. On a shared deck (no editor: it is loaded from
 * content/) the rows name the item's id in the content files instead of linking to its editor.
 */
import Link from 'next/link';
import '@/components/reports/reports.css';
import { REPORT_REASON_BADGES, type AuthorReport } from '@/lib/reports/reasons';
import { formatShortDate } from '@/lib/time/zoned';
import { plural } from '@/lib/text/plural';
import { ReportAnswerForm, type HandleReportAction } from './report-answer-form';

const STATUS_TEXT = { fixed: 'Fixed', dismissed: 'Dismissed' } as const;

interface Props {
  deckId: string;
  reports: AuthorReport[];
  timeZone: string;
  answer: HandleReportAction;
  /** The deck opens in the editor (the instructor's own); false for a shared deck. */
  editable?: boolean;
}

export function ReportsPanel({ deckId, reports, timeZone, answer, editable = true }: Props) {
  if (reports.length === 0) return null;
  const open = reports.filter((r) => r.status === 'open').length;
  return (
    <details id="reports" className="card disclosure reports-panel" open={open > 0} data-testid="reports-panel">
      <summary>
        Students’ reports:&nbsp;<span className={open ? 'lint-bad' : undefined}>{open > 0 ? `${plural(open, 'open report')}` : 'none open'}</span>
      </summary>
      <ul aria-label="Reports on this deck">
        {reports.map((r) => (
          <li key={r.id} data-testid="report-row" data-status={r.status}>
            <span className="report-head">
              <span className={`badge${r.status === 'open' ? ' lint-badge-bad' : ''}`}>{REPORT_REASON_BADGES[r.reason]}</span>
              {editable ? (
                <Link href={`/teach/decks/${deckId}/items/${r.itemId}`}>{r.prompt}</Link>
              ) : (
                <span>
                  {r.prompt} <code className="small muted">{r.itemId}</code>
                </span>
              )}
            </span>
            <span className="small muted">
              {r.studentName} · {r.source === 'quiz' ? 'in a quiz' : 'in a review'} · {formatShortDate(r.updatedAt, timeZone)}
              {r.status !== 'open' && ` · ${STATUS_TEXT[r.status]}`}
            </span>
            {r.note && <p className="report-note">“{r.note}”</p>}
            {r.status === 'open' ? (
              <ReportAnswerForm action={answer} reportId={r.id} />
            ) : (
              r.reply && (
                <p className="small">
                  Reply{r.repliedBy ? ` from ${r.repliedBy}` : ''}: {r.reply}
                </p>
              )
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
