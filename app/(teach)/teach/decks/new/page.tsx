import type { Metadata } from 'next';
import Link from 'next/link';
import '@/components/authoring/authoring.css';
import { DeckMetaForm } from '@/components/authoring/deck-meta-form';
import { createDeckAction } from '@/app/(teach)/teach/decks/actions';
import { requireRole } from '@/app/_lib/session';

export const metadata: Metadata = { title: 'New deck' };

export default async function NewDeckPage() {
  await requireRole('instructor');
  return (
    <div className="authoring">
      <div className="page-head">
        <div>
          <p className="small muted crumbs">
            <Link href="/teach">Teaching</Link> / <Link href="/teach/decks">Decks</Link> / New
          </p>
          <h1>New deck</h1>
          <p className="muted" style={{ margin: 0 }}>
            A deck follows one reading. Cards and questions come next.
          </p>
        </div>
      </div>
      <div className="card narrow">
        <DeckMetaForm save={createDeckAction} />
      </div>
    </div>
  );
}
