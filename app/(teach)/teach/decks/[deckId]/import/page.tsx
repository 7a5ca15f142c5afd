import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import '@/components/authoring/authoring.css';
import { ImportForm } from '@/components/authoring/import-form';
import { deckForEditor } from '@/db/queries/authoring-decks';
import { requireRole } from '@/db/queries/session';
import { SLUG_RE } from '@/lib/content/schema';

export const metadata: Metadata = { title: 'Import cards' };

export default async function ImportPage({ params }: { params: Promise<{ deckId: string }> }) {
  const user = await requireRole('instructor');
  const { deckId } = await params;
  const editable = SLUG_RE.test(deckId) ? deckForEditor(user, deckId) : null;
  if (!editable) notFound();
  const { deck } = editable;
  return (
    <div className="authoring">
      <div className="page-head">
        <div>
          <p className="small muted crumbs">
            <Link href="/teach/decks">Decks</Link> / <Link href={`/teach/decks/${deck.id}`}>{deck.title}</Link>
          </p>
          <h1>Import cards</h1>
          <p className="muted" style={{ margin: 0 }}>
            From Anki (Notes in Plain Text), Quizlet (export) or a spreadsheet saved as CSV. You see every row before anything is saved.
          </p>
        </div>
      </div>
      <ImportForm deckId={deck.id} sections={deck.sections} />
    </div>
  );
}
