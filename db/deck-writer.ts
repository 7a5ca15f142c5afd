/**
 * The one way a deck gets into the database, whether it comes from content/ (db/seed.ts) or from
 * an instructor's editor (db/queries/authoring-*.ts): upsert the deck, its sections and its cards
 * by stable key, retire cards whose item disappeared, all in one transaction.
 * Rows are updated in place, so card ids (and every student's card_states and review_logs) survive
 * edits; unchanged cards are not touched at all. Takes the db as a parameter so scripts and tests
 * can use it without the app's client.
 */
import { createHash } from 'node:crypto';
import { and, eq, isNull, notInArray, sql } from 'drizzle-orm';
import { itemsToCards, type CardDraft } from '@/lib/content/cards';
import type { DeckRecord } from '@/lib/content/deck-record';
import type { Item } from '@/lib/content/schema';
import type { Db } from './connection';
import { cards, decks, sections } from './schema';

export interface WriteDeckOptions {
  /** null for a shared deck from content/; the instructor's user id for an authored deck. */
  ownerId: number | null;
  at: Date;
  /** Order among decks; left as it is on update when omitted. */
  position?: number;
}

export interface WriteReport {
  deckId: string;
  inserted: number;
  updated: number;
  retired: number;
  unchanged: number;
  /** Card keys retired by this write (item id, or item id + `::cN` for a cloze deletion), in order. */
  retiredKeys: string[];
}

export type { DeckRecord };

export class DeckWriteError extends Error {}

/** The change detector of a card row; shared with db/pg/deck-writer.ts so both engines store the same hashes. */
export function hashCard(card: CardDraft, sectionId: number, position: number): string {
  return createHash('sha256').update(JSON.stringify([card, sectionId, position])).digest('hex').slice(0, 32);
}

/**
 * Writes `items` as the complete content of `deck`: cards of items not in the list are retired.
 * Runs in a transaction of its own, or as a savepoint inside the caller's (better-sqlite3 nests them),
 * so an authoring action can read, change and write a deck atomically.
 * @throws DeckWriteError when the deck id belongs to another owner or an item names an unknown section
 */
export function writeDeck(db: Db, deck: DeckRecord, items: readonly Item[], options: WriteDeckOptions): WriteReport {
  const drafts = itemsToCards(deck.id, items);
  const report: WriteReport = { deckId: deck.id, inserted: 0, updated: 0, retired: 0, unchanged: 0, retiredKeys: [] };
  const { at, ownerId } = options;

  db.transaction((tx) => {
    const owner = tx.select({ ownerId: decks.ownerId }).from(decks).where(eq(decks.id, deck.id)).get();
    // A content deck must never overwrite an instructor's deck of the same id, nor the reverse.
    if (owner && owner.ownerId !== ownerId) throw new DeckWriteError(`deck id ${deck.id} is already used by another deck`);

    const deckRow = {
      title: deck.title,
      author: deck.author,
      publisher: deck.publisher ?? null,
      published: deck.published ?? null,
      sourceUrl: deck.sourceUrl ?? null,
      description: deck.description,
      // An editor that does not know the field (undefined) leaves it alone; null clears it.
      ...(deck.context === undefined ? {} : { context: deck.context }),
      ...(options.position === undefined ? {} : { position: options.position }),
    };
    tx.insert(decks)
      .values({ id: deck.id, ownerId, ...deckRow })
      .onConflictDoUpdate({ target: decks.id, set: deckRow })
      .run();

    const sectionIds = new Map<string, number>();
    deck.sections.forEach((s, position) => {
      const row = tx
        .insert(sections)
        .values({ deckId: deck.id, key: s.id, title: s.title, notes: s.notes, position })
        .onConflictDoUpdate({ target: [sections.deckId, sections.key], set: { title: s.title, notes: s.notes, position } })
        .returning({ id: sections.id })
        .get();
      sectionIds.set(s.id, row.id);
    });

    const existing = new Map(
      tx
        .select({ key: cards.key, contentHash: cards.contentHash, retiredAt: cards.retiredAt })
        .from(cards)
        .where(eq(cards.deckId, deck.id))
        .all()
        .map((c) => [c.key, c]),
    );

    drafts.forEach((card, position) => {
      const sectionId = sectionIds.get(card.section);
      if (sectionId === undefined) throw new DeckWriteError(`${card.key}: unknown section ${card.section}`);
      const contentHash = hashCard(card, sectionId, position);
      const before = existing.get(card.key);
      if (before && before.contentHash === contentHash && before.retiredAt === null) {
        report.unchanged++;
        return;
      }
      const values = {
        sectionId,
        itemId: card.itemId,
        type: card.type,
        position,
        prompt: card.prompt,
        answer: card.answer,
        payload: card.payload as unknown as Record<string, unknown>,
        explanation: card.explanation,
        evidenceQuote: card.evidenceQuote,
        evidenceRef: card.evidenceRef,
        tags: card.tags,
        skill: card.skill,
        contentHash,
        retiredAt: null,
        updatedAt: at,
      };
      tx.insert(cards)
        .values({ deckId: deck.id, key: card.key, ...values })
        .onConflictDoUpdate({ target: [cards.deckId, cards.key], set: values })
        .run();
      if (before) report.updated++;
      else report.inserted++;
    });

    const keys = drafts.map((c) => c.key);
    const toRetire = and(eq(cards.deckId, deck.id), isNull(cards.retiredAt), keys.length ? notInArray(cards.key, keys) : sql`1`);
    report.retiredKeys = tx.select({ key: cards.key }).from(cards).where(toRetire).orderBy(cards.position, cards.id).all().map((c) => c.key);
    const retired = tx.update(cards).set({ retiredAt: at, updatedAt: at }).where(toRetire).run();
    report.retired = retired.changes;
  });
  return report;
}
