/**
 * Writing items into an instructor's own deck: save one from the editor, retire one, import rows
 * from CSV/TSV. Each runs through editDeck (ownership check + one transaction) and ItemSchema.
 * Saving keeps the item id, so its card rows are updated in place and students keep their progress.
 */
import 'server-only';
import { readDeckItems, readDeckRecord, usedItemIds } from '@/db/deck-reader';
import { engine, type Queryable } from '@/db/engine';
import { itemPrompt } from '@/lib/content/csv-layout';
import type { DeckRecord } from '@/lib/content/deck-record';
import { parseImportText } from '@/lib/content/import-csv';
import { checkImportRows, IMPORT_MAX_ROWS, type PreviewRow } from '@/lib/content/import-rows';
import { draftFieldErrors, draftHeadline, draftToCandidate, type ItemDraft } from '@/lib/content/item-form';
import { parseItem, type Item } from '@/lib/content/schema';
import { newSlugId } from '@/lib/content/slug';
import { AuthoringError, DeckNotFoundError, editDeck, isDeckOwnerIn, type Editor } from './authoring-edit';
import { exampleMismatches } from '@/lib/content/check-examples';

const INVALID = 'Please correct the highlighted fields.';

/** A fresh id that no item of this deck ever had (a retired item's progress must not attach to it). */
function freshItemId(used: Set<string>, headline: string): string {
  let id = newSlugId(headline, 'item');
  while (used.has(id)) id = newSlugId(headline, 'item');
  used.add(id);
  return id;
}

/**
 * Validates the draft with ItemSchema plus the deck-level checks (known section, unchanged type)
 * and writes it: a new item goes to the end of its section, an edited one keeps its id and place.
 * @throws AuthoringError with field errors named like ItemDraft's fields
 */
export async function saveItem(user: Editor, deckId: string, itemId: string | undefined, draft: ItemDraft, at: Date): Promise<Item> {
  return editDeck(user, deckId, at, async (deck, items, tx) => {
    const existing = itemId === undefined ? undefined : items.find((i) => i.id === itemId);
    if (itemId !== undefined && !existing) throw new AuthoringError('That item was deleted or does not exist.');
    // Another type is another question: students' progress on the old one must not carry over.
    if (existing && existing.type !== draft.type) throw new AuthoringError(INVALID, { type: ['The type of a saved item cannot change; add a new item instead.'] });

    const id = existing?.id ?? freshItemId(await usedItemIds(tx, deckId), draftHeadline(draft));
    const parsed = parseItem({ ...draftToCandidate(draft), id });
    const fieldErrors = parsed.success ? {} : draftFieldErrors(parsed.error.issues);
    if (!deck.sections.some((s) => s.id === draft.section)) (fieldErrors.section ??= []).unshift('Choose one of the deck’s sections.');
    // The author's example answers must be judged as the author says, as content:check requires of file decks.
    if (parsed.success && parsed.data.type === 'typed') {
      for (const m of exampleMismatches(parsed.data)) (fieldErrors[m.list === 'accept' ? 'examplesAccept' : 'examplesReject'] ??= []).push(m.message.replace(/^example/, 'Example'));
    }
    if (!parsed.success || Object.keys(fieldErrors).length > 0) throw new AuthoringError(INVALID, fieldErrors);

    const item = parsed.data;
    const next = existing ? items.map((i) => (i.id === item.id ? item : i)) : [...items, item];
    return { items: next, result: item };
  });
}

/** Retires the item's cards: hidden from new study, students' progress kept (content/README.md). */
export async function retireItem(user: Editor, deckId: string, itemId: string, at: Date): Promise<void> {
  await editDeck(user, deckId, at, (_deck, items) => {
    if (!items.some((i) => i.id === itemId)) throw new AuthoringError('That item was already deleted or does not exist.');
    return { items: items.filter((i) => i.id !== itemId), result: undefined };
  });
}

async function checkRows(q: Queryable, deckId: string, text: string, usedIds: Set<string>): Promise<PreviewRow[]> {
  const deck = await readDeckRecord(q, deckId);
  if (!deck) throw new DeckNotFoundError();
  const { records } = parseImportText(text);
  if (records.length === 0) throw new AuthoringError('No rows found.', { text: ['No rows found: write one card per line, front and back separated by a tab or comma.'] });
  if (records.length > IMPORT_MAX_ROWS) throw new AuthoringError(`At most ${IMPORT_MAX_ROWS} rows at a time.`, { text: [`${records.length} rows; split the file.`] });
  const existingFronts = (await readDeckItems(q, deckId)).map(itemPrompt);
  return checkImportRows(records, { sections: deck.sections, existingFronts, usedIds: new Set(usedIds) }, (front) => freshItemId(usedIds, front));
}

/** What an import would do, row by row; writes nothing. */
export async function previewImport(user: Editor, deckId: string, text: string): Promise<PreviewRow[]> {
  const db = await engine();
  if (!(await isDeckOwnerIn(db, user, deckId))) throw new DeckNotFoundError();
  return checkRows(db, deckId, text, await usedItemIds(db, deckId));
}

/** The deck with the sections imported rows add, in the order the rows first name them (no study notes yet). */
function withNewSections(deck: DeckRecord, rows: readonly PreviewRow[]): DeckRecord {
  const added = new Map<string, { id: string; title: string; notes: string }>();
  for (const r of rows) if (r.item && r.newSection && !added.has(r.newSection.id)) added.set(r.newSection.id, { ...r.newSection, notes: '' });
  return added.size ? { ...deck, sections: [...deck.sections, ...added.values()] } : deck;
}

/** Writes the valid rows at the end of their sections (adding the sections they name), all or nothing. */
export async function importRows(user: Editor, deckId: string, text: string, at: Date): Promise<{ imported: number; skipped: number }> {
  return editDeck(user, deckId, at, async (deck, items, tx) => {
    const rows = await checkRows(tx, deckId, text, await usedItemIds(tx, deckId));
    const valid = rows.flatMap((r) => (r.item ? [r.item] : []));
    if (valid.length === 0) throw new AuthoringError('None of the rows can be imported.');
    return { deck: withNewSections(deck, rows), items: [...items, ...valid], result: { imported: valid.length, skipped: rows.length - valid.length } };
  });
}
