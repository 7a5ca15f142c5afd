import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import '@/components/authoring/authoring.css';
import { ItemEditor } from '@/components/authoring/item-editor';
import { deckForEditor } from '@/db/queries/authoring-decks';
import { requireRole } from '@/db/queries/session';
import { emptyDraft, ITEM_TYPE_LABELS } from '@/lib/content/item-form';
import { ITEM_TYPES, SLUG_RE, type ItemType } from '@/lib/content/schema';

export const metadata: Metadata = { title: 'New item' };

interface Props {
  params: Promise<{ deckId: string }>;
  searchParams: Promise<{ type?: string; section?: string }>;
}

export default async function NewItemPage({ params, searchParams }: Props) {
  const user = await requireRole('instructor');
  const { deckId } = await params;
  const editable = SLUG_RE.test(deckId) ? deckForEditor(user, deckId) : null;
  if (!editable) notFound();
  const { deck } = editable;
  const query = await searchParams;
  const type: ItemType = (ITEM_TYPES as readonly string[]).includes(query.type ?? '') ? (query.type as ItemType) : 'basic';
  const section = deck.sections.find((s) => s.id === query.section) ?? deck.sections[0];
  if (!section) notFound();

  return (
    <div className="authoring">
      <div className="page-head">
        <div>
          <p className="small muted crumbs">
            <Link href="/teach/decks">Decks</Link> / <Link href={`/teach/decks/${deck.id}`}>{deck.title}</Link>
          </p>
          <h1>New item: {ITEM_TYPE_LABELS[type].toLowerCase()}</h1>
        </div>
      </div>
      <ItemEditor key={type} deckId={deck.id} initial={emptyDraft(type, section.id)} sections={deck.sections} />
    </div>
  );
}
