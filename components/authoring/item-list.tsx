/** The items of one section in the deck editor: type badge, question, link to edit, and open student reports. */
import Link from 'next/link';
import { plural } from '@/lib/text/plural';
import { ITEM_TYPE_BADGES, itemHeadline } from '@/lib/content/item-form';
import type { Item } from '@/lib/content/schema';

interface Props {
  deckId: string;
  items: Item[];
  savedId?: string;
  /** Item id → open reports on it. */
  reportCounts?: Record<string, number>;
}

export function ItemList({ deckId, items, savedId, reportCounts = {} }: Props) {
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
          {(reportCounts[item.id] ?? 0) > 0 && (
            <a className="badge lint-badge-bad" href="#reports" data-testid="item-report-count">
              {plural(reportCounts[item.id] ?? 0, 'report')}
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}
