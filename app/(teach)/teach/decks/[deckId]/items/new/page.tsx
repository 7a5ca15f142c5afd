import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import '@/components/authoring/authoring.css';
import { ItemEditor } from '@/components/authoring/item-editor';
import { saveItemAction } from '@/app/(teach)/teach/decks/actions';
import { emptyDraft, ITEM_TYPE_LABELS } from '@/lib/content/item-form';
import { ITEM_TYPES, type ItemType } from '@/lib/content/schema';
import { DeckCrumbs, editableDeckOr404 } from '../../../_lib/editable-deck';

export const metadata: Metadata = { title: 'New item' };

interface Props {
  params: Promise<{ deckId: string }>;
  searchParams: Promise<{ type?: string; section?: string }>;
}

export default async function NewItemPage({ params, searchParams }: Props) {
  const { deck } = await editableDeckOr404((await params).deckId);
  const query = await searchParams;
  const type: ItemType = (ITEM_TYPES as readonly string[]).includes(query.type ?? '') ? (query.type as ItemType) : 'basic';
  const section = deck.sections.find((s) => s.id === query.section) ?? deck.sections[0];
  if (!section) notFound();

  return (
    <div className="authoring">
      <div className="page-head">
        <div>
          <DeckCrumbs deck={deck} />
          <h1>New item: {ITEM_TYPE_LABELS[type].toLowerCase()}</h1>
        </div>
      </div>
      <ItemEditor key={type} deckId={deck.id} initial={emptyDraft(type, section.id)} sections={deck.sections} saveItem={saveItemAction} />
    </div>
  );
}
