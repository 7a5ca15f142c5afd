import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import '@/components/authoring/authoring.css';
import { ReportsPanel } from '@/components/authoring/reports-panel';
import { deckForExport } from '@/db/queries/authoring-decks';
import { isDeckOwner } from '@/db/queries/authoring-edit';
import { reportsForDeck } from '@/db/queries/card-reports';
import { studySettingsFor } from '@/db/queries/settings';
import { requireRole } from '@/app/_lib/session';
import { SLUG_RE } from '@/lib/content/schema';
import { plural } from '@/lib/text/plural';
import { handleReportAction } from '../../report-actions';

export const metadata: Metadata = { title: 'Reports on a shared deck' };

interface Props {
  params: Promise<{ deckId: string }>;
}

/**
 * Students' reports on a shared deck (loaded from content/ for everyone, so it has no author in the
 * app and no editor): each instructor answers the reports of their own students. An instructor's
 * own deck keeps its reports in its editor.
 */
export default async function SharedDeckReportsPage({ params }: Props) {
  const user = await requireRole('instructor');
  const { deckId } = await params;
  const found = SLUG_RE.test(deckId) ? await deckForExport(user, deckId) : null;
  if (!found) notFound();
  if (await isDeckOwner(user, deckId)) redirect(`/teach/decks/${deckId}#reports`);
  const [reports, settings] = await Promise.all([reportsForDeck(user.id, deckId), studySettingsFor(user.id)]);
  const open = reports.filter((r) => r.status === 'open').length;
  return (
    <div className="authoring">
      <div className="page-head">
        <div>
          <p className="small muted crumbs">
            <Link href="/teach">Teaching</Link> / <Link href="/teach/decks">Decks</Link>
          </p>
          <h1 data-testid="deck-title">{found.deck.title}</h1>
          <p className="muted" style={{ margin: 0 }}>
            Shared deck · {plural(open, 'open report')} from your students
          </p>
        </div>
      </div>
      <p className="small muted">
        This deck is loaded from the app&apos;s content folder, so it is fixed there (each report names the item&apos;s id in{' '}
        <code>content/{found.deck.id}/</code>). Answer your students here: they see your reply on Today.
      </p>
      {reports.length === 0 ? (
        <div className="card empty" data-testid="no-reports">
          <p className="muted">None of your students has reported a card of this deck.</p>
        </div>
      ) : (
        <ReportsPanel deckId={found.deck.id} reports={reports} timeZone={settings.timeZone} answer={handleReportAction} editable={false} />
      )}
    </div>
  );
}
