/**
 * An instructor's decks: listing, creating, editing metadata and sections, and reading a deck for
 * the editor or for export. Every function takes the asking instructor and only touches decks with
 * owner_id = that instructor (export may also read the shared decks, which have no owner).
 */
import 'server-only';
import { db } from '@/db';
import { readDeckItems, readDeckRecord } from '@/db/deck-reader';
import { writeDeck } from '@/db/deck-writer';
import type { DeckRecord } from '@/lib/content/deck-record';
import type { Item } from '@/lib/content/schema';
import { newSlugId, slugify } from '@/lib/content/slug';
import type { DeckMetaInput, NewDeckInput } from '@/lib/validation/authoring';
import { AuthoringError, editDeck, isDeckOwner, type Editor } from './authoring-edit';

/** Authored decks come after the shared ones wherever decks are listed by position. */
const AUTHORED_DECK_POSITION = 1000;

export interface DeckListEntry {
  id: string;
  title: string;
  author: string | null;
  items: number;
  cards: number;
  sections: number;
}

const COUNTS = `
  (SELECT count(DISTINCT c.item_id) FROM cards c WHERE c.deck_id = d.id AND c.retired_at IS NULL) AS items,
  (SELECT count(*) FROM cards c WHERE c.deck_id = d.id AND c.retired_at IS NULL) AS cards,
  (SELECT count(*) FROM sections s WHERE s.deck_id = d.id) AS sections`;
const ownDecks = db.$client.prepare<{ userId: number }, DeckListEntry>(
  `SELECT d.id, d.title, d.author, ${COUNTS} FROM decks d WHERE d.owner_id = @userId ORDER BY d.created_at DESC, d.title`,
);
const sharedDecks = db.$client.prepare<[], DeckListEntry>(
  `SELECT d.id, d.title, d.author, ${COUNTS} FROM decks d WHERE d.owner_id IS NULL ORDER BY d.position, d.title`,
);
const deckExists = db.$client.prepare<[string], { ok: number }>('SELECT 1 AS ok FROM decks WHERE id = ?');
const exportable = db.$client.prepare<{ deckId: string; userId: number }, { ok: number }>(
  'SELECT 1 AS ok FROM decks WHERE id = @deckId AND (owner_id IS NULL OR owner_id = @userId)',
);

export function instructorDecks(user: Editor): { own: DeckListEntry[]; shared: DeckListEntry[] } {
  return { own: ownDecks.all({ userId: user.id }), shared: sharedDecks.all() };
}

export interface EditableDeck {
  deck: DeckRecord;
  items: Item[];
}

/** The deck and its items if `user` owns it; null otherwise (the page answers 404). */
export function deckForEditor(user: Editor, deckId: string): EditableDeck | null {
  if (!isDeckOwner(user, deckId)) return null;
  const deck = readDeckRecord(db, deckId);
  return deck ? { deck, items: readDeckItems(db, deckId) } : null;
}

/** Own decks and the shared ones may be exported; null for anything else. */
export function deckForExport(user: Editor, deckId: string): EditableDeck | null {
  if (!exportable.get({ deckId, userId: user.id })) return null;
  const deck = readDeckRecord(db, deckId);
  return deck ? { deck, items: readDeckItems(db, deckId) } : null;
}

function metaOf(input: DeckMetaInput) {
  return {
    title: input.title,
    author: input.author,
    publisher: input.publisher ?? null,
    published: input.published ?? null,
    sourceUrl: input.sourceUrl,
    description: input.description,
  };
}

/** Creates an empty deck with one section; returns its new id (never changed afterwards). */
export function createDeck(user: Editor, input: NewDeckInput, at: Date): string {
  return db.$client
    .transaction(() => {
      let id = newSlugId(input.title, 'deck');
      while (deckExists.get(id)) id = newSlugId(input.title, 'deck');
      const section = { id: slugify(input.sectionTitle) || 'section', title: input.sectionTitle, notes: input.sectionNotes };
      writeDeck(db, { id, ...metaOf(input), sections: [section] }, [], { ownerId: user.id, at, position: AUTHORED_DECK_POSITION });
      return id;
    })
    .immediate();
}

export function updateDeckMeta(user: Editor, deckId: string, input: DeckMetaInput, at: Date): void {
  editDeck(user, deckId, at, (deck) => ({ deck: { ...deck, ...metaOf(input) }, result: undefined }));
}

/** Adds a section at the end; its key comes from the title and is never changed afterwards. */
export function addSection(user: Editor, deckId: string, input: { title: string; notes: string }, at: Date): string {
  return editDeck(user, deckId, at, (deck) => {
    const taken = new Set(deck.sections.map((s) => s.id));
    const base = slugify(input.title) || 'section';
    let key = base;
    for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
    return { deck: { ...deck, sections: [...deck.sections, { id: key, title: input.title, notes: input.notes }] }, result: key };
  });
}

export function updateSection(user: Editor, deckId: string, key: string, input: { title: string; notes: string }, at: Date): void {
  editDeck(user, deckId, at, (deck) => {
    if (!deck.sections.some((s) => s.id === key)) throw new AuthoringError('That section does not exist.');
    const sections = deck.sections.map((s) => (s.id === key ? { ...s, title: input.title, notes: input.notes } : s));
    return { deck: { ...deck, sections }, result: undefined };
  });
}

/** Swaps a section with its neighbour; the items follow, so study order matches the section order. */
export function moveSection(user: Editor, deckId: string, key: string, direction: 'up' | 'down', at: Date): void {
  editDeck(user, deckId, at, (deck) => {
    const from = deck.sections.findIndex((s) => s.id === key);
    if (from === -1) throw new AuthoringError('That section does not exist.');
    const to = direction === 'up' ? from - 1 : from + 1;
    if (to < 0 || to >= deck.sections.length) return { result: undefined };
    const sections = [...deck.sections];
    [sections[from], sections[to]] = [sections[to]!, sections[from]!];
    return { deck: { ...deck, sections }, result: undefined };
  });
}
