/**
 * The frame every deck edit runs in: check that the deck belongs to the asking instructor, read it
 * (metadata, sections, items), apply one change, write it back through writeDeck — all in one
 * immediate transaction, so two edits at once cannot lose each other's work and a failed check
 * writes nothing. On the engine (db/engine): the same on SQLite and PostgreSQL.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { readDeckItems, readDeckRecord } from '@/db/deck-reader';
import { writeDeckIn } from '@/db/deck-writer';
import { engine, type Queryable } from '@/db/engine';
import { int } from '@/db/engine/rows';
import { decks } from '@/db/schema';
import type { DeckRecord } from '@/lib/content/deck-record';
import type { Item } from '@/lib/content/schema';

/** An expected failure with a message for the instructor (and field errors for a form). */
export class AuthoringError extends Error {
  constructor(
    message: string,
    public readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
  }
}

/** Also used for another instructor's deck, so its existence is not revealed. */
export class DeckNotFoundError extends AuthoringError {
  constructor() {
    super('That deck does not exist or is not yours.');
  }
}

export interface Editor {
  id: number;
}

export interface DeckChange<T> {
  deck?: DeckRecord;
  items?: Item[];
  result: T;
}

/** Items grouped by section in the deck's section order, keeping their order within a section. */
export function inSectionOrder(items: readonly Item[], sections: DeckRecord['sections']): Item[] {
  const rank = new Map(sections.map((s, i) => [s.id, i]));
  return items
    .map((item, i) => ({ item, i, r: rank.get(item.section) ?? sections.length }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.item);
}

const okRow = z.object({ ok: int });

/** isDeckOwner inside the caller's transaction. */
export async function isDeckOwnerIn(q: Queryable, user: Editor, deckId: string): Promise<boolean> {
  const row = await q.get(sql`SELECT 1 AS "ok" FROM ${decks} WHERE ${decks.id} = ${deckId} AND ${decks.ownerId} = ${user.id}`, okRow);
  return row !== undefined;
}

export async function isDeckOwner(user: Editor, deckId: string): Promise<boolean> {
  return isDeckOwnerIn(await engine(), user, deckId);
}

/**
 * @param change gets the current deck and items, and the transaction to read more with; returns
 *   what to write (unchanged parts may be left out)
 * @throws DeckNotFoundError unless `user` owns the deck; whatever `change` throws, after rolling back
 */
export async function editDeck<T>(
  user: Editor,
  deckId: string,
  at: Date,
  change: (deck: DeckRecord, items: Item[], tx: Queryable) => DeckChange<T> | Promise<DeckChange<T>>,
): Promise<T> {
  const db = await engine();
  return db.transaction(async (tx) => {
    const deck = (await isDeckOwnerIn(tx, user, deckId)) ? await readDeckRecord(tx, deckId) : undefined;
    if (!deck) throw new DeckNotFoundError();
    const items = await readDeckItems(tx, deckId);
    const out = await change(deck, items, tx);
    if (out.deck || out.items) {
      const next = out.deck ?? deck;
      await writeDeckIn(tx, next, inSectionOrder(out.items ?? items, next.sections), { ownerId: user.id, at });
    }
    return out.result;
  });
}
