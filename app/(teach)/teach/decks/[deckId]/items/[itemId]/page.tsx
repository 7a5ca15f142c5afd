import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import '@/components/authoring/authoring.css';
import { DeleteItemButton } from '@/components/authoring/delete-item-button';
import { ItemEditor } from '@/components/authoring/item-editor';
import { retireItemAction, saveItemAction } from '@/app/(teach)/teach/decks/actions';
import { itemToDraft } from '@/lib/content/item-form';
import { DeckCrumbs, editableDeckOr404 } from '../../../_lib/editable-deck';

export const metadata: Metadata = { title: 'Edit item' };

interface Props {
  params: Promise<{ deckId: string; itemId: string }>;
}

export default async function EditItemPage({ params }: Props) {
  const { deckId, itemId } = await params;
  const { deck, items } = await editableDeckOr404(deckId);
  const item = items.find((i) => i.id === itemId);
  if (!item) notFound();

  return (
    <div className="authoring">
      <div className="page-head">
        <div>
          <DeckCrumbs deck={deck} />
          <h1>Edit item</h1>
          <p className="muted small" style={{ margin: 0 }}>
            Saving keeps the item&apos;s id, so students keep their progress on it.
          </p>
        </div>
      </div>
      <ItemEditor deckId={deck.id} itemId={item.id} initial={itemToDraft(item)} sections={deck.sections} saveItem={saveItemAction} />
      <div className="danger-zone">
        <DeleteItemButton deckId={deck.id} itemId={item.id} retireItem={retireItemAction} />
      </div>
    </div>
  );
}
