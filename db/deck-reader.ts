/**
 * Reads a deck back out of the database in the shapes the content format uses: its metadata and
 * sections (DeckRecord), its items (rebuilt from live cards by lib/content/reconstruct.ts) and its
 * live cards for CSV export. No access checks here: callers in db/queries decide who may read what.
 * Takes the db as a parameter so a transaction can read and then write through writeDeck.
 */
import type { DeckRecord } from '@/lib/content/deck-record';
import { cardsToItems, type StoredCard } from '@/lib/content/reconstruct';
import type { Item, ItemType, Skill } from '@/lib/content/schema';
import type { Db } from './connection';
import { jsonColumn, stringList } from '@/db/json-column';
import { cardPayload } from './json-column';

interface DeckRow {
  id: string;
  title: string;
  author: string | null;
  publisher: string | null;
  published: string | null;
  sourceUrl: string | null;
  description: string;
  context: string | null;
  ownerId: number | null;
}

interface CardRow {
  key: string;
  itemId: string;
  type: ItemType;
  section: string;
  prompt: string;
  answer: string;
  payload: string;
  explanation: string | null;
  evidenceQuote: string | null;
  evidenceRef: string | null;
  tags: string;
  skill: Skill;
}

export function readDeckRecord(db: Db, deckId: string): (DeckRecord & { ownerId: number | null }) | undefined {
  const deck = db.$client
    .prepare<[string], DeckRow>(
      `SELECT id, title, author, publisher, published, source_url AS sourceUrl, description, context, owner_id AS ownerId FROM decks WHERE id = ?`,
    )
    .get(deckId);
  if (!deck) return undefined;
  const sections = db.$client
    .prepare<[string], { id: string; title: string; notes: string }>(`SELECT key AS id, title, notes FROM sections WHERE deck_id = ? ORDER BY position, id`)
    .all(deckId);
  return { ...deck, sections };
}

function liveCards(db: Db, deckId: string): CardRow[] {
  return db.$client
    .prepare<[string], CardRow>(
      `SELECT c.key, c.item_id AS itemId, c.type, s.key AS section, c.prompt, c.answer, c.payload, c.explanation,
              c.evidence_quote AS evidenceQuote, c.evidence_ref AS evidenceRef, c.tags, c.skill
       FROM cards c JOIN sections s ON s.id = c.section_id
       WHERE c.deck_id = ? AND c.retired_at IS NULL
       ORDER BY c.position, c.id`,
    )
    .all(deckId);
}

/** The deck's items in study order, as an author wrote them. */
export function readDeckItems(db: Db, deckId: string): Item[] {
  const stored: StoredCard[] = liveCards(db, deckId).map((c) => ({
    ...c,
    payload: cardPayload(c.payload),
    tags: jsonColumn(c.tags, stringList, 'cards.tags'),
  }));
  return cardsToItems(stored);
}

/** Every item id the deck ever had, retired ones included: a new item must not take one over. */
export function usedItemIds(db: Db, deckId: string): Set<string> {
  const rows = db.$client.prepare<[string], { itemId: string }>(`SELECT DISTINCT item_id AS itemId FROM cards WHERE deck_id = ?`).all(deckId);
  return new Set(rows.map((r) => r.itemId));
}
