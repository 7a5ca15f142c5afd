import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { deckNotesFor } from '@/db/queries/notes';
import { requireUser } from '@/app/_lib/session';
import { plural } from '@/lib/text/plural';

export const metadata: Metadata = { title: 'Study notes' };

export default async function NotesPage({ params }: { params: Promise<{ deckId: string }> }) {
  const user = await requireUser();
  const { deckId } = await params;
  const notes = await deckNotesFor(user.id, deckId);
  if (!notes) notFound();
  const { deck, sections } = notes;
  return (
    <article className="stack" style={{ maxWidth: 720 }}>
      <header>
        <p className="small muted" style={{ margin: 0 }}>
          Study notes
        </p>
        <h1>{deck.title}</h1>
        <p className="muted small">
          {[deck.author, deck.publisher, deck.published].filter(Boolean).join(' · ')}
          {deck.sourceUrl && (
            <>
              {' · '}
              <a href={deck.sourceUrl} rel="noreferrer" target="_blank">
                Read the article
              </a>
            </>
          )}
        </p>
        <p>{deck.description}</p>
        <nav aria-label="Sections" className="row small">
          {sections.map((s) => (
            <a key={s.key} href={`#${s.key}`}>
              {s.title}
            </a>
          ))}
        </nav>
      </header>
      {deck.context && (
        // Kept apart from the notes: background the article does not give, never turned into cards.
        <aside className="card" aria-labelledby="deck-context-title" data-testid="deck-context">
          <h2 id="deck-context-title">Context: not from the article</h2>
          <p className="small muted">Background for reading the article. It is not tested.</p>
          {deck.context.split(/\n\s*\n/).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </aside>
      )}
      {sections.map((s) => (
        <section key={s.key} id={s.key} className="card" aria-labelledby={`${s.key}-title`} style={{ scrollMarginTop: 72 }}>
          <h2 id={`${s.key}-title`}>{s.title}</h2>
          {s.notes.split(/\n\s*\n/).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
          <p className="small muted" style={{ margin: 0 }}>
            {plural(s.cards, 'card')} in this section
          </p>
        </section>
      ))}
      <div className="row">
        <Link className="btn btn-primary" href={`/review/${deck.id}`}>
          Review now
        </Link>
        <Link className="btn" href="/today">
          Back to Today
        </Link>
      </div>
    </article>
  );
}
