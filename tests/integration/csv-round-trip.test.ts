/**
 * export.csv → import through the real path (db/queries/authoring-items.ts importRows, the function
 * the import page's action calls) into a new deck on a real SQLite file: every item type comes back
 * with every field, and the sections the file names are added to the deck.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createDeck, deckForEditor, deckForExport } from '@/db/queries/authoring-decks';
import { editDeck } from '@/db/queries/authoring-edit';
import { importRows, previewImport } from '@/db/queries/authoring-items';
import { itemsToCsv } from '@/lib/content/export-csv';
import { ITEM_TYPES } from '@/lib/content/schema';
import { makeUser } from '../support/fixtures';
import { ROUND_TRIP_ITEMS, ROUND_TRIP_SECTIONS } from '../support/every-item-type';

const T0 = new Date('2026-03-02T09:00:00Z');
type U = Awaited<ReturnType<typeof makeUser>>;

const newDeck = async (user: U, title: string, sectionTitle: string) =>
  await createDeck(user, { title, author: 'Iris Instructor', sourceUrl: 'https://example.org/article', description: 'A deck.', sectionTitle, sectionNotes: '' }, T0);

describe('CSV round trip on a real SQLite file', () => {
  let iris: U;
  beforeAll(async () => {
    iris = await makeUser('instructor');
  });

  it('exporting a deck with every item type and importing the file into a new deck gives the same items', async () => {
    const source = await newDeck(iris, 'Every type', 'Introduction');
    await editDeck(iris, source, T0, (deck) => ({ deck: { ...deck, sections: ROUND_TRIP_SECTIONS }, items: ROUND_TRIP_ITEMS, result: undefined }));
    const exported = (await deckForExport(iris, source))!;
    expect(new Set(exported.items.map((i) => i.type))).toEqual(new Set(ITEM_TYPES));
    const csv = `\uFEFF${itemsToCsv(exported.deck.sections, exported.items)}`;

    const copy = await newDeck(iris, 'The copy', 'First');
    const preview = await previewImport(iris, copy, csv);
    expect(preview.flatMap((r) => r.errors)).toEqual([]);
    expect((await deckForEditor(iris, copy))?.items).toEqual([]);

    expect(await importRows(iris, copy, csv, T0)).toEqual({ imported: ROUND_TRIP_ITEMS.length, skipped: 0 });
    const imported = (await deckForEditor(iris, copy))!;
    expect(imported.items).toEqual(exported.items);
    expect(imported.deck.sections.map((s) => [s.id, s.title])).toEqual([
      ['first', 'First'],
      ...ROUND_TRIP_SECTIONS.map((s) => [s.id, s.title]),
    ]);

    // The same file again: every row is already in the deck, and nothing is written.
    expect((await previewImport(iris, copy, csv)).every((r) => r.errors.includes('the deck already has a card with this front'))).toBe(true);
    await expect(importRows(iris, copy, csv, T0)).rejects.toThrow(/None of the rows/);
    expect((await deckForEditor(iris, copy))?.items).toHaveLength(ROUND_TRIP_ITEMS.length);
  });
});
