/**
 * Importing a deck in the content/ file format (the YAML export, or a zip of a deck folder) into an
 * instructor's own deck. The file is checked as `npm run content:check` checks a folder
 * (lib/content/check-deck.ts, with the same source texts for quotes); the preview lists every
 * error and writes nothing; the import writes all items (and the sections the deck lacks) in one
 * transaction, or nothing when the file has any error.
 */
import 'server-only';
import { readDeckItems, readDeckRecord, usedItemIds } from '@/db/deck-reader';
import { engine, type Queryable } from '@/db/engine';
import { defaultSourceDir } from '@/db/seed';
import { checkRawDeck, issueLine } from '@/lib/content/check-deck';
import { itemPrompt } from '@/lib/content/csv-layout';
import type { DeckRecord } from '@/lib/content/deck-record';
import type { DeckUploadPreview } from '@/lib/content/deck-upload-preview';
import { deckFromYamlExport, deckFromZip, UploadError } from '@/lib/content/deck-upload';
import type { Item } from '@/lib/content/schema';
import { newSlugId } from '@/lib/content/slug';
import { plural } from '@/lib/text/plural';
import type { DeckUploadInput } from '@/lib/validation/authoring';
import { AuthoringError, DeckNotFoundError, editDeck, isDeckOwnerIn, type Editor } from './authoring-edit';

interface Plan {
  preview: DeckUploadPreview;
  deck: DeckRecord;
  items: Item[];
}

function rawDeckOf(input: DeckUploadInput) {
  try {
    return input.format === 'yaml' ? deckFromYamlExport(input.data) : deckFromZip(new Uint8Array(Buffer.from(input.data, 'base64')));
  } catch (e) {
    if (e instanceof UploadError) throw new AuthoringError(e.message, { data: [e.message] });
    throw e;
  }
}

/** What importing the file into `deck` would do; the same for the preview and the write. */
async function plan(q: Queryable, deck: DeckRecord, existing: readonly Item[], input: DeckUploadInput): Promise<Plan> {
  const check = checkRawDeck(rawDeckOf(input), { sourceDir: defaultSourceDir() });
  const file = check.validation;
  const errors = check.errors.map((i) => issueLine(i));
  const known = new Set(deck.sections.map((s) => s.id));
  const added = (file.deck?.sections ?? []).filter((s) => !known.has(s.id));
  const used = await usedItemIds(q, deck.id);
  const fronts = new Set(existing.map((i) => itemPrompt(i).replace(/\s+/g, ' ').trim().toLowerCase()));

  const items: Item[] = [];
  const rows: DeckUploadPreview['items'] = [];
  for (const item of file.items ?? []) {
    const prompt = itemPrompt(item);
    const where = file.itemFiles?.[item.id] ?? '';
    if (fronts.has(prompt.replace(/\s+/g, ' ').trim().toLowerCase())) errors.push(`${where}: ${item.id}: the deck already has a card with this front`);
    // An id the deck ever had carries students' progress: the imported item gets a new one.
    let id = item.id;
    while (used.has(id)) id = newSlugId(prompt, 'item');
    used.add(id);
    items.push({ ...item, id });
    rows.push({ id, type: item.type, section: item.section, prompt, ...(id === item.id ? {} : { note: `id ${item.id} is taken: imported as ${id}` }) });
  }
  return {
    preview: { title: file.deck?.title, items: rows, newSections: added.map((s) => s.title), errors, warnings: check.warnings.map((i) => issueLine(i)) },
    deck: { ...deck, sections: [...deck.sections, ...added.map((s) => ({ id: s.id, title: s.title, notes: s.notes }))] },
    items,
  };
}

export async function previewDeckUpload(user: Editor, input: DeckUploadInput): Promise<DeckUploadPreview> {
  const db = await engine();
  const deck = (await isDeckOwnerIn(db, user, input.deckId)) ? await readDeckRecord(db, input.deckId) : undefined;
  if (!deck) throw new DeckNotFoundError();
  return (await plan(db, deck, await readDeckItems(db, input.deckId), input)).preview;
}

/** Writes every item of a clean file, and the sections the deck lacks, in one transaction. */
export async function importDeckUpload(user: Editor, input: DeckUploadInput, at: Date): Promise<{ imported: number }> {
  return editDeck(user, input.deckId, at, async (deck, existing, tx) => {
    const p = await plan(tx, deck, existing, input);
    if (p.preview.errors.length > 0) throw new AuthoringError(`The file has ${plural(p.preview.errors.length, 'error')}; nothing was imported.`);
    if (p.items.length === 0) throw new AuthoringError('The file has no items.');
    return { deck: p.deck, items: [...existing, ...p.items], result: { imported: p.items.length } };
  });
}
