import type { Metadata } from 'next';
import Link from 'next/link';
import { FlaggedCardActions, type FlaggedCardServerActions } from '@/components/progress/flagged-card-actions';
import { clearLeechFlagAction, unsuspendCardAction } from '@/app/(study)/progress/leeches/actions';
import { plural } from '@/components/progress/format';
import { flaggedCardsFor } from '@/db/queries/leeches';
import { requireUser } from '@/app/_lib/session';
import { studySettingsFor } from '@/db/queries/settings';
import '@/components/progress/progress.css';

export const metadata: Metadata = { title: 'Leeches' };

const cardActions: FlaggedCardServerActions = { unsuspendCard: unsuspendCardAction, clearLeechFlag: clearLeechFlagAction };

export default async function LeechesPage() {
  const user = await requireUser();
  const cards = await flaggedCardsFor(user.id);
  const { leechThreshold } = await studySettingsFor(user.id);
  return (
    <>
      <div className="page-head">
        <div>
          <p className="small" style={{ margin: 0 }}>
            <Link href="/progress">← Progress</Link>
          </p>
          <h1>Leeches and suspended cards</h1>
          <p className="muted small" style={{ margin: 0 }}>
            {leechThreshold > 0
              ? `A card forgotten ${plural(leechThreshold, 'time')} becomes a leech and is suspended: it leaves your reviews until you bring it back.`
              : 'Leech detection is off in your settings; cards you suspended still appear here.'}{' '}
            Reading the notes of its section first usually helps.
          </p>
        </div>
      </div>
      {cards.length === 0 ? (
        <div className="card empty" data-testid="leeches-empty">
          <h2>Nothing here</h2>
          <p className="muted">No card has been set aside. Cards you keep forgetting will show up here.</p>
        </div>
      ) : (
        <ul className="leech-list" aria-label={plural(cards.length, 'card')}>
          {cards.map((c) => (
            <li key={c.cardId} className="card leech-card" data-testid={`flagged-${c.cardId}`}>
              <div className="badges">
                {c.suspended && <span className="badge badge-warn">Suspended</span>}
                {c.leech && <span className="badge badge-bad">Leech</span>}
                <span className="badge">{plural(c.lapses, 'lapse')}</span>
              </div>
              <p className="hard-prompt">{c.prompt}</p>
              <Link className="small" href={`/decks/${c.deckId}/notes#${c.sectionKey}`}>
                Read the notes: {c.sectionTitle}
              </Link>
              <FlaggedCardActions cardId={c.cardId} suspended={c.suspended} leech={c.leech} actions={cardActions} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
