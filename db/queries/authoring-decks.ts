/**
 * An instructor's decks: listing, creating, editing metadata and sections, and reading a deck for
 * the editor or for export. Every function takes the asking instructor and only touches decks with
 * owner_id = that instructor (export may also read the shared decks, which have no owner).
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { readDeckItems, readDeckRecord } from '@/db/deck-reader';
import { writeDeckIn } from '@/db/deck-writer';
import { engine } from '@/db/engine';
import { int } from '@/db/engine/rows';
import { cards, decks, sections } from '@/db/schema';
import type { DeckRecord } from '@/lib/content/deck-record';
import type { Item } from '@/lib/content/schema';
import { newSlugId, slugify } from '@/lib/content/slug';
import type { DeckMetaInput, NewDeckInput } from '@/lib/validation/authoring';
import { AuthoringError, editDeck, isDeckOwnerIn, type Editor } from './authoring-edit';

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

const d = alias(decks, 'd');
const deckListRow = z.object({ id: z.string(), title: z.string(), author: z.string().nullable(), items: int, cards: int, sections: int });
const listColumns = sql`${d.id} AS "id", ${d.title} AS "title", ${d.author} AS "author",
  (SELECT count(DISTINCT ${cards.itemId}) FROM ${cards} WHERE ${cards.deckId} = ${d.id} AND ${cards.retiredAt} IS NULL) AS "items",
  (SELECT count(*) FROM ${cards} WHERE ${cards.deckId} = ${d.id} AND ${cards.retiredAt} IS NULL) AS "cards",
  (SELECT count(*) FROM ${sections} WHERE ${sections.deckId} = ${d.id}) AS "sections"`;
const okRow = z.object({ ok: int });

export async function instructorDecks(user: Editor): Promise<{ own: DeckListEntry[]; shared: DeckListEntry[] }> {
  const db = await engine();
  const [own, shared] = await Promise.all([
    db.all(sql`SELECT ${listColumns} FROM ${decks} ${d} WHERE ${d.ownerId} = ${user.id} ORDER BY ${d.createdAt} DESC, ${d.title}`, deckListRow),
    db.all(sql`SELECT ${listColumns} FROM ${decks} ${d} WHERE ${d.ownerId} IS NULL ORDER BY ${d.position}, ${d.title}`, deckListRow),
  ]);
  return { own, shared };
}

export interface EditableDeck {
  deck: DeckRecord;
  items: Item[];
}

/** The deck and its items if `user` owns it; null otherwise (the page answers 404). */
export async function deckForEditor(user: Editor, deckId: string): Promise<EditableDeck | null> {
  const db = await engine();
  if (!(await isDeckOwnerIn(db, user, deckId))) return null;
  const deck = await readDeckRecord(db, deckId);
  return deck ? { deck, items: await readDeckItems(db, deckId) } : null;
}

/** Own decks and the shared ones may be exported; null for anything else. */
export async function deckForExport(user: Editor, deckId: string): Promise<EditableDeck | null> {
  const db = await engine();
  const exportable = await db.get(
    sql`SELECT 1 AS "ok" FROM ${decks} WHERE ${decks.id} = ${deckId} AND (${decks.ownerId} IS NULL OR ${decks.ownerId} = ${user.id})`,
    okRow,
  );
  if (!exportable) return null;
  const deck = await readDeckRecord(db, deckId);
  return deck ? { deck, items: await readDeckItems(db, deckId) } : null;
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
export async function createDeck(user: Editor, input: NewDeckInput, at: Date): Promise<string> {
  const db = await engine();
  return db.transaction(async (tx) => {
    const taken = async (id: string) => (await tx.get(sql`SELECT 1 AS "ok" FROM ${decks} WHERE ${decks.id} = ${id}`, okRow)) !== undefined;
    let id = newSlugId(input.title, 'deck');
    while (await taken(id)) id = newSlugId(input.title, 'deck');
    const section = { id: slugify(input.sectionTitle) || 'section', title: input.sectionTitle, notes: input.sectionNotes };
    await writeDeckIn(tx, { id, ...metaOf(input), sections: [section] }, [], { ownerId: user.id, at, position: AUTHORED_DECK_POSITION });
    return id;
  });
}

export async function updateDeckMeta(user: Editor, deckId: string, input: DeckMetaInput, at: Date): Promise<void> {
  await editDeck(user, deckId, at, (deck) => ({ deck: { ...deck, ...metaOf(input) }, result: undefined }));
}

/** Adds a section at the end; its key comes from the title and is never changed afterwards. */
export async function addSection(user: Editor, deckId: string, input: { title: string; notes: string }, at: Date): Promise<string> {
  return editDeck(user, deckId, at, (deck) => {
    const taken = new Set(deck.sections.map((s) => s.id));
    const base = slugify(input.title) || 'section';
    let key = base;
    for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
    return { deck: { ...deck, sections: [...deck.sections, { id: key, title: input.title, notes: input.notes }] }, result: key };
  });
}

export async function updateSection(user: Editor, deckId: string, key: string, input: { title: string; notes: string }, at: Date): Promise<void> {
  await editDeck(user, deckId, at, (deck) => {
    if (!deck.sections.some((s) => s.id === key)) throw new AuthoringError('That section does not exist.');
    const sections = deck.sections.map((s) => (s.id === key ? { ...s, title: input.title, notes: input.notes } : s));
    return { deck: { ...deck, sections }, result: undefined };
  });
}

/** Swaps a section with its neighbour; the items follow, so study order matches the section order. */
export async function moveSection(user: Editor, deckId: string, key: string, direction: 'up' | 'down', at: Date): Promise<void> {
  await editDeck(user, deckId, at, (deck) => {
    const from = deck.sections.findIndex((s) => s.id === key);
    if (from === -1) throw new AuthoringError('That section does not exist.');
    const to = direction === 'up' ? from - 1 : from + 1;
    if (to < 0 || to >= deck.sections.length) return { result: undefined };
    const sections = [...deck.sections];
    [sections[from], sections[to]] = [sections[to]!, sections[from]!];
    return { deck: { ...deck, sections }, result: undefined };
  });
}
