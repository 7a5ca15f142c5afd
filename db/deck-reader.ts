/**
 * Reads a deck back out of the database, on either engine, in the shapes the content format uses:
 * its metadata and sections (DeckRecord) and its items (rebuilt from live cards by
 * lib/content/reconstruct.ts). No access checks here: callers in db/queries decide who may read
 * what. Takes a Queryable so a transaction can read and then write through writeDeckIn.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { cardPayloadSchema } from '@/lib/content/card-payload';
import type { DeckRecord } from '@/lib/content/deck-record';
import { cardsToItems } from '@/lib/content/reconstruct';
import type { Item } from '@/lib/content/schema';
import { int, jsonText } from './engine/rows';
import type { Queryable } from './engine/types';
import { stringList } from './json-column';
import { cards, decks, sections } from './schema';

const deckRow = z.object({
  id: z.string(),
  title: z.string(),
  author: z.string().nullable(),
  publisher: z.string().nullable(),
  published: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  description: z.string(),
  context: z.string().nullable(),
  ownerId: int.nullable(),
});
const sectionRow = z.object({ id: z.string(), title: z.string(), notes: z.string() });
const cardRow = z.object({
  itemId: z.string(),
  type: z.enum(cards.type.enumValues),
  section: z.string(),
  payload: jsonText(cardPayloadSchema),
  explanation: z.string().nullable(),
  evidenceQuote: z.string().nullable(),
  evidenceRef: z.string().nullable(),
  tags: jsonText(stringList),
  skill: z.enum(cards.skill.enumValues),
});

export async function readDeckRecord(q: Queryable, deckId: string): Promise<(DeckRecord & { ownerId: number | null }) | undefined> {
  const deck = await q.get(
    sql`SELECT ${decks.id} AS "id", ${decks.title} AS "title", ${decks.author} AS "author", ${decks.publisher} AS "publisher",
          ${decks.published} AS "published", ${decks.sourceUrl} AS "sourceUrl", ${decks.description} AS "description",
          ${decks.context} AS "context", ${decks.ownerId} AS "ownerId"
        FROM ${decks} WHERE ${decks.id} = ${deckId}`,
    deckRow,
  );
  if (!deck) return undefined;
  const rows = await q.all(
    sql`SELECT ${sections.key} AS "id", ${sections.title} AS "title", ${sections.notes} AS "notes"
        FROM ${sections} WHERE ${sections.deckId} = ${deckId} ORDER BY ${sections.position}, ${sections.id}`,
    sectionRow,
  );
  return { ...deck, sections: rows };
}

/** The deck's items in study order, as an author wrote them. */
export async function readDeckItems(q: Queryable, deckId: string): Promise<Item[]> {
  const f = q.fragments;
  const stored = await q.all(
    sql`SELECT ${cards.itemId} AS "itemId", ${cards.type} AS "type", ${sections.key} AS "section", ${f.jsonText(cards.payload)} AS "payload",
          ${cards.explanation} AS "explanation", ${cards.evidenceQuote} AS "evidenceQuote", ${cards.evidenceRef} AS "evidenceRef",
          ${f.jsonText(cards.tags)} AS "tags", ${cards.skill} AS "skill"
        FROM ${cards} JOIN ${sections} ON ${sections.id} = ${cards.sectionId}
        WHERE ${cards.deckId} = ${deckId} AND ${cards.retiredAt} IS NULL
        ORDER BY ${cards.position}, ${cards.id}`,
    cardRow,
  );
  return cardsToItems(stored);
}

/** Every item id the deck ever had, retired ones included: a new item must not take one over. */
export async function usedItemIds(q: Queryable, deckId: string): Promise<Set<string>> {
  const rows = await q.all(sql`SELECT DISTINCT ${cards.itemId} AS "itemId" FROM ${cards} WHERE ${cards.deckId} = ${deckId}`, z.object({ itemId: z.string() }));
  return new Set(rows.map((r) => r.itemId));
}
