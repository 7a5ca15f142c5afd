import type { Metadata } from 'next';
import Link from 'next/link';
import { AssignmentsPanel } from '@/components/today/assignments-panel';
import { deckSummariesForUser } from '@/db/queries/decks';
import { requireUser } from '@/db/queries/session';
import { now } from '@/lib/clock';

export const metadata: Metadata = { title: 'Today' };

export default async function TodayPage() {
  const user = await requireUser();
  const decks = deckSummariesForUser(user, now());
  const firstName = user.name.split(' ')[0];
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Hello, {firstName}</h1>
          <p className="muted" style={{ margin: 0 }}>
            Here is what is waiting for you today.
          </p>
        </div>
        {user.role === 'instructor' && (
          <Link className="btn" href="/teach">
            Teaching area
          </Link>
        )}
      </div>
      <AssignmentsPanel user={user} />
      {decks.length === 0 ? (
        <div className="card empty">
          <h2>No decks yet</h2>
          <p className="muted">When a deck is loaded or assigned to your class, it appears here.</p>
        </div>
      ) : (
        <ul className="stack" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Your decks">
          {decks.map((deck) => (
            <li key={deck.id} className="card" data-testid={`deck-${deck.id}`}>
              <h2>{deck.title}</h2>
              {deck.author && <p className="muted small">by {deck.author}</p>}
              <div className="counts">
                <div className="count count-due">
                  <strong data-testid="due-count">{deck.due}</strong>
                  <span>due</span>
                </div>
                <div className="count count-new">
                  <strong data-testid="new-count">{deck.unseen}</strong>
                  <span>not seen yet</span>
                </div>
                <div className="count">
                  <strong data-testid="total-count">{deck.total}</strong>
                  <span>cards</span>
                </div>
              </div>
              <p className="small muted" style={{ margin: 0 }}>
                {deck.description}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
