/** The items of one section in the deck editor: type badge, question, link to edit. */
import Link from 'next/link';
import { ITEM_TYPE_BADGES, itemHeadline } from '@/lib/content/item-form';
import type { Item } from '@/lib/content/schema';

export function ItemList({ deckId, items, savedId }: { deckId: string; items: Item[]; savedId?: string }) {
  if (items.length === 0) return <p className="muted small">No items in this section yet.</p>;
  return (
    <ul className="item-list">
      {items.map((item) => (
        <li key={item.id} id={`item-${item.id}`} className={item.id === savedId ? 'is-saved' : undefined} data-testid="item-row">
          <span className={`badge type-${item.type}`}>{ITEM_TYPE_BADGES[item.type]}</span>
          <Link className="item-link" href={`/teach/decks/${deckId}/items/${item.id}`}>
            {itemHeadline(item)}
          </Link>
          {item.skill === 'understanding' && <span className="badge">understanding</span>}
        </li>
      ))}
    </ul>
  );
}
