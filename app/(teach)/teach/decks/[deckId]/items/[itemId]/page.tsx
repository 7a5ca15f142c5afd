import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import '@/components/authoring/authoring.css';
import { DeleteItemButton } from '@/components/authoring/delete-item-button';
import { ItemEditor } from '@/components/authoring/item-editor';
import { deckForEditor } from '@/db/queries/authoring-decks';
import { requireRole } from '@/db/queries/session';
import { itemToDraft } from '@/lib/content/item-form';
import { SLUG_RE } from '@/lib/content/schema';

export const metadata: Metadata = { title: 'Edit item' };

interface Props {
  params: Promise<{ deckId: string; itemId: string }>;
}

export default async function EditItemPage({ params }: Props) {
  const user = await requireRole('instructor');
  const { deckId, itemId } = await params;
  const editable = SLUG_RE.test(deckId) ? deckForEditor(user, deckId) : null;
  const item = editable?.items.find((i) => i.id === itemId);
  if (!editable || !item) notFound();
  const { deck } = editable;

  return (
    <div className="authoring">
      <div className="page-head">
        <div>
          <p className="small muted crumbs">
            <Link href="/teach/decks">Decks</Link> / <Link href={`/teach/decks/${deck.id}`}>{deck.title}</Link>
          </p>
          <h1>Edit item</h1>
          <p className="muted small" style={{ margin: 0 }}>
            Saving keeps the item&apos;s id, so students keep their progress on it.
          </p>
        </div>
      </div>
      <ItemEditor deckId={deck.id} itemId={item.id} initial={itemToDraft(item)} sections={deck.sections} />
      <div className="danger-zone">
        <DeleteItemButton deckId={deck.id} itemId={item.id} />
      </div>
    </div>
  );
}
