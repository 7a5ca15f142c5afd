/**
 * The frame every deck edit runs in: check that the deck belongs to the asking instructor, read it
 * (metadata, sections, items), apply one change, write it back through writeDeck — all in one
 * immediate transaction, so two edits at once cannot lose each other's work and a failed check
 * writes nothing.
 */
import 'server-only';
import { db } from '@/db';
import { readDeckItems, readDeckRecord } from '@/db/deck-reader';
import { writeDeck } from '@/db/deck-writer';
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

const ownsDeck = db.$client.prepare<{ deckId: string; userId: number }, { ok: number }>(
  'SELECT 1 AS ok FROM decks WHERE id = @deckId AND owner_id = @userId',
);

export function isDeckOwner(user: Editor, deckId: string): boolean {
  return ownsDeck.get({ deckId, userId: user.id }) !== undefined;
}

/**
 * @param change gets the current deck and items; returns what to write (unchanged parts may be left out)
 * @throws DeckNotFoundError unless `user` owns the deck; whatever `change` throws, after rolling back
 */
export function editDeck<T>(user: Editor, deckId: string, at: Date, change: (deck: DeckRecord, items: Item[]) => DeckChange<T>): T {
  return db.$client
    .transaction(() => {
      if (!isDeckOwner(user, deckId)) throw new DeckNotFoundError();
      const deck = readDeckRecord(db, deckId) as DeckRecord;
      const items = readDeckItems(db, deckId);
      const out = change(deck, items);
      if (out.deck || out.items) {
        const next = out.deck ?? deck;
        writeDeck(db, next, inSectionOrder(out.items ?? items, next.sections), { ownerId: user.id, at });
      }
      return out.result;
    })
    .immediate();
}
