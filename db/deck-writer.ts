/**
 * The one way a deck gets into the database, on either engine, whether it comes from content/
 * (db/seed.ts) or from an instructor's editor or upload (db/queries/authoring-*.ts): upsert the
 * deck, its sections and its cards by stable key, retire cards whose item disappeared, all in one
 * transaction. Rows are updated in place, so card ids (and every student's card_states and
 * review_logs) survive edits; unchanged cards are not touched at all. Takes the engine (or the
 * caller's transaction) as a parameter so scripts and tests can use it without the app's engine.
 * Several app servers may start, and so load content/, at once: the deck's transaction lock
 * (fragments.lockTransaction) makes their writes of one deck take turns.
 */
import { createHash } from 'node:crypto';
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { itemsToCards, type CardDraft } from '@/lib/content/cards';
import type { DeckRecord } from '@/lib/content/deck-record';
import type { Item } from '@/lib/content/schema';
import { bare } from './engine/fragments';
import { int } from './engine/rows';
import type { Engine, Queryable } from './engine/types';
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

/** The change detector of a card row: the same hash on both engines, so a deck moved between them is unchanged. */
export function hashCard(card: CardDraft, sectionId: number, position: number): string {
  return createHash('sha256').update(JSON.stringify([card, sectionId, position])).digest('hex').slice(0, 32);
}

type Assignments = [AnyColumn, unknown][];

/** `INSERT INTO t (a, b) VALUES (…) ON CONFLICT (target) DO UPDATE SET a = excluded.a …` for every pair but the keys. */
function upsert(table: SQL, row: Assignments, target: AnyColumn[], keep: AnyColumn[] = target): SQL {
  const columns = sql.join(
    row.map(([c]) => bare(c)),
    sql`, `,
  );
  const values = sql.join(
    row.map(([, v]) => sql`${v}`),
    sql`, `,
  );
  const set = sql.join(
    row.filter(([c]) => !keep.includes(c)).map(([c]) => sql`${bare(c)} = excluded.${bare(c)}`),
    sql`, `,
  );
  return sql`INSERT INTO ${table} (${columns}) VALUES (${values}) ON CONFLICT (${sql.join(target.map(bare), sql`, `)}) DO UPDATE SET ${set}`;
}

const ownerRow = z.object({ ownerId: int.nullable() });
const idRow = z.object({ id: int });
const existingRow = z.object({ key: z.string(), contentHash: z.string(), retired: int });
const retiredRow = z.object({ key: z.string(), position: int, id: int });

/**
 * Writes `items` as the complete content of `deck` inside the caller's transaction `tx` (cards of
 * items not in the list are retired), so an authoring action can read, change and write a deck
 * atomically.
 * @throws DeckWriteError when the deck id belongs to another owner or an item names an unknown section
 */
export async function writeDeckIn(tx: Queryable, deck: DeckRecord, items: readonly Item[], options: WriteDeckOptions): Promise<WriteReport> {
  const f = tx.fragments;
  const drafts = itemsToCards(deck.id, items);
  const report: WriteReport = { deckId: deck.id, inserted: 0, updated: 0, retired: 0, unchanged: 0, retiredKeys: [] };
  const { ownerId } = options;
  const at = options.at.getTime();

  await tx.run(f.lockTransaction(`deck:${deck.id}`));
  const owner = await tx.get(sql`SELECT ${decks.ownerId} AS "ownerId" FROM ${decks} WHERE ${decks.id} = ${deck.id}`, ownerRow);
  // A content deck must never overwrite an instructor's deck of the same id, nor the reverse.
  if (owner && owner.ownerId !== ownerId) throw new DeckWriteError(`deck id ${deck.id} is already used by another deck`);

  const deckRow: Assignments = [
    [decks.id, deck.id],
    [decks.ownerId, ownerId],
    [decks.title, deck.title],
    [decks.author, deck.author],
    [decks.publisher, deck.publisher ?? null],
    [decks.published, deck.published ?? null],
    [decks.sourceUrl, deck.sourceUrl ?? null],
    [decks.description, deck.description],
    // An editor that does not know the field (undefined) leaves it alone; null clears it.
    ...(deck.context === undefined ? [] : ([[decks.context, deck.context]] as Assignments)),
    ...(options.position === undefined ? [] : ([[decks.position, options.position]] as Assignments)),
  ];
  await tx.run(upsert(sql`${decks}`, deckRow, [decks.id], [decks.id, decks.ownerId]));

  const sectionIds = new Map<string, number>();
  for (const [position, s] of deck.sections.entries()) {
    const row: Assignments = [
      [sections.deckId, deck.id],
      [sections.key, s.id],
      [sections.title, s.title],
      [sections.notes, s.notes],
      [sections.position, position],
    ];
    const written = await tx.get(sql`${upsert(sql`${sections}`, row, [sections.deckId, sections.key])} RETURNING ${sections.id} AS "id"`, idRow);
    if (!written) throw new Error(`section ${s.id} was not written`);
    sectionIds.set(s.id, written.id);
  }

  const existing = new Map(
    (
      await tx.all(
        sql`SELECT ${cards.key} AS "key", ${cards.contentHash} AS "contentHash", (CASE WHEN ${cards.retiredAt} IS NULL THEN 0 ELSE 1 END) AS "retired"
            FROM ${cards} WHERE ${cards.deckId} = ${deck.id}`,
        existingRow,
      )
    ).map((c) => [c.key, c]),
  );

  for (const [position, card] of drafts.entries()) {
    const sectionId = sectionIds.get(card.section);
    if (sectionId === undefined) throw new DeckWriteError(`${card.key}: unknown section ${card.section}`);
    const contentHash = hashCard(card, sectionId, position);
    const before = existing.get(card.key);
    if (before && before.contentHash === contentHash && before.retired === 0) {
      report.unchanged++;
      continue;
    }
    const row: Assignments = [
      [cards.deckId, deck.id],
      [cards.key, card.key],
      [cards.sectionId, sectionId],
      [cards.itemId, card.itemId],
      [cards.type, card.type],
      [cards.position, position],
      [cards.prompt, card.prompt],
      [cards.answer, card.answer],
      [cards.payload, f.json(card.payload)],
      [cards.explanation, card.explanation],
      [cards.evidenceQuote, card.evidenceQuote],
      [cards.evidenceRef, card.evidenceRef],
      [cards.tags, f.json(card.tags)],
      [cards.skill, card.skill],
      [cards.contentHash, contentHash],
      [cards.retiredAt, null],
      [cards.updatedAt, at],
    ];
    await tx.run(upsert(sql`${cards}`, row, [cards.deckId, cards.key]));
    if (before) report.updated++;
    else report.inserted++;
  }

  const keys = drafts.map((c) => c.key);
  const retired = await tx.all(
    sql`UPDATE ${cards} SET ${bare(cards.retiredAt)} = ${at}, ${bare(cards.updatedAt)} = ${at}
        WHERE ${cards.deckId} = ${deck.id} AND ${cards.retiredAt} IS NULL AND ${cards.key} NOT IN ${f.textsIn(keys)}
        RETURNING ${cards.key} AS "key", ${cards.position} AS "position", ${cards.id} AS "id"`,
    retiredRow,
  );
  report.retiredKeys = retired.sort((a, b) => a.position - b.position || a.id - b.id).map((c) => c.key);
  report.retired = retired.length;
  return report;
}

/** writeDeckIn in a transaction of its own. */
export function writeDeck(db: Engine, deck: DeckRecord, items: readonly Item[], options: WriteDeckOptions): Promise<WriteReport> {
  return db.transaction((tx) => writeDeckIn(tx, deck, items, options));
}
