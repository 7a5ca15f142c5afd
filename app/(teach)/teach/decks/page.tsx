import type { Metadata } from 'next';
import Link from 'next/link';
import '@/components/authoring/authoring.css';
import { instructorDecks, type DeckListEntry } from '@/db/queries/authoring-decks';
import { openReportCounts } from '@/db/queries/card-reports';
import { requireRole } from '@/app/_lib/session';
import { plural } from '@/lib/text/plural';

export const metadata: Metadata = { title: 'Decks' };

function Counts({ deck }: { deck: DeckListEntry }) {
  return (
    <p className="small muted" style={{ margin: 0 }}>
      {plural(deck.items, 'item')} · {plural(deck.cards, 'card')} · {plural(deck.sections, 'section')}
    </p>
  );
}

function ExportLinks({ deckId }: { deckId: string }) {
  return (
    <span className="row export-links">
      <a href={`/teach/decks/${deckId}/export.csv`} download>
        Export CSV
      </a>
      <a href={`/teach/decks/${deckId}/export.yaml`} download>
        Export YAML
      </a>
    </span>
  );
}

export default async function DecksPage() {
  const user = await requireRole('instructor');
  const [{ own, shared }, reports] = await Promise.all([instructorDecks(user), openReportCounts(user.id)]);
  return (
    <div className="authoring">
      <div className="page-head">
        <div>
          <p className="small muted crumbs">
            <Link href="/teach">Teaching</Link> / Decks
          </p>
          <h1>Decks</h1>
        </div>
        <Link className="btn btn-primary" href="/teach/decks/new">
          New deck
        </Link>
      </div>

      <section aria-labelledby="own-heading" className="stack">
        <h2 id="own-heading">Your decks</h2>
        {own.length === 0 ? (
          <div className="card empty" data-testid="no-own-decks">
            <p className="muted">You have not written a deck yet. Start one for a reading of your own, or import cards from Anki or Quizlet into it.</p>
          </div>
        ) : (
          <ul className="deck-list" aria-labelledby="own-heading">
            {own.map((deck) => (
              <li key={deck.id} className="card" data-testid={`own-deck-${deck.id}`}>
                <h3>
                  <Link href={`/teach/decks/${deck.id}`}>{deck.title}</Link>
                </h3>
                {deck.author && <p className="small muted">by {deck.author}</p>}
                <Counts deck={deck} />
                {(reports.get(deck.id) ?? 0) > 0 && (
                  <p className="small" style={{ margin: 0 }}>
                    <Link href={`/teach/decks/${deck.id}#reports`} data-testid="deck-report-count">
                      {plural(reports.get(deck.id) ?? 0, 'open report')} from students
                    </Link>
                  </p>
                )}
                <ExportLinks deckId={deck.id} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="shared-heading" className="stack" style={{ marginTop: '1.5rem' }}>
        <h2 id="shared-heading">Shared decks</h2>
        <p className="muted small" style={{ margin: 0 }}>
          Loaded from the app&apos;s content folder for everyone. Read-only here; export them to adapt a copy. Your students&apos; reports on them come to you.
        </p>
        <ul className="deck-list" aria-labelledby="shared-heading">
          {shared.map((deck) => (
            <li key={deck.id} className="card" data-testid={`shared-deck-${deck.id}`}>
              <h3>{deck.title}</h3>
              {deck.author && <p className="small muted">by {deck.author}</p>}
              <Counts deck={deck} />
              <p className="small" style={{ margin: 0 }}>
                <Link href={`/teach/decks/${deck.id}/reports`} data-testid="shared-report-count">
                  {(reports.get(deck.id) ?? 0) > 0 ? `${plural(reports.get(deck.id) ?? 0, 'open report')} from your students` : 'Reports from your students'}
                </Link>
              </p>
              <ExportLinks deckId={deck.id} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
