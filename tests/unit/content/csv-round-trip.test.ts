import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '@/lib/content/csv-layout';
import { itemsToCsv } from '@/lib/content/export-csv';
import { parseImportText } from '@/lib/content/import-csv';
import { checkImportRows } from '@/lib/content/import-rows';
import { ITEM_TYPES } from '@/lib/content/schema';
import { validateDeckDir } from '@/lib/content/validate';
import { ROUND_TRIP_ITEMS, ROUND_TRIP_SECTIONS } from '../../support/every-item-type';

const noNewIds = () => {
  throw new Error('every row carries a free id of its own');
};

/** Exports the items, then imports the file into a deck that has only `sections`. */
function roundTrip(items = ROUND_TRIP_ITEMS, sections: { id: string; title: string }[] = [{ id: 'first', title: 'First' }], sectionsOf = ROUND_TRIP_SECTIONS) {
  const csv = itemsToCsv(sectionsOf, items);
  return checkImportRows(parseImportText(`\uFEFF${csv}`).records, { sections, existingFronts: [] }, noNewIds);
}

describe('export.csv → import', { timeout: 30_000 }, () => {
  it('the fixture has every item type', () => {
    expect(new Set(ROUND_TRIP_ITEMS.map((i) => i.type))).toEqual(new Set(ITEM_TYPES));
  });

  it('gives back every item, field by field, and adds the sections the new deck lacks', () => {
    const rows = roundTrip();
    expect(rows.flatMap((r) => r.errors)).toEqual([]);
    for (const [i, item] of ROUND_TRIP_ITEMS.entries()) expect(rows[i]?.item, item.id).toEqual(item);
    expect(rows.map((r) => r.newSection?.id)).toEqual(ROUND_TRIP_ITEMS.map((i) => i.section));
    expect(rows[0]?.newSection).toEqual({ id: 'introduction', title: 'Introduction' });
  });

  it('needs no new section when the deck has them', () => {
    const rows = roundTrip(ROUND_TRIP_ITEMS, ROUND_TRIP_SECTIONS);
    expect(rows.map((r) => r.item)).toEqual(ROUND_TRIP_ITEMS);
    expect(rows.every((r) => r.newSection === undefined && r.notes.length === 0)).toBe(true);
  });

  it('gives back every item of the real deck', () => {
    const real = validateDeckDir(path.resolve('content/war-for-peace'));
    const rows = roundTrip(real.items!, real.deck!.sections, real.deck!.sections);
    expect(rows.flatMap((r) => r.errors)).toEqual([]);
    expect(rows.map((r) => r.item)).toEqual(real.items);
  });

  it('writes the documented columns, one row per item, lists one entry per line', () => {
    const csv = itemsToCsv(ROUND_TRIP_SECTIONS, ROUND_TRIP_ITEMS);
    expect(csv.split('\r\n')[0]).toBe(CSV_COLUMNS.map((c) => c).join(','));
    const typed = parseImportText(csv).records.find((r) => r.cells.type === 'typed')!;
    expect(typed.back).toBe('About 2,500\n2500');
    expect(typed.cells['accept examples']).toBe('2,500');
    const mcq = parseImportText(csv).records.find((r) => r.cells.type === 'mcq')!;
    expect([mcq.back, mcq.cells['option 3'], mcq.cells['option 2']]).toEqual(['Impartiality', 'Impartiality', "'-Use of force"]);
    // The spreadsheet formula guard is on in the file and off again after import.
    expect(csv).toContain(`"'=Tokayev, ""on January 5"""`);
    expect(csv).toContain(`''-Use of force`);
  });

  it('keeps an id only when the deck never had it', () => {
    const [row] = checkImportRows(parseImportText(itemsToCsv(ROUND_TRIP_SECTIONS, ROUND_TRIP_ITEMS.slice(0, 1))).records, { sections: ROUND_TRIP_SECTIONS, existingFronts: [], usedIds: new Set(['csto-request']) }, () => 'fresh-id');
    expect(row?.item?.id).toBe('fresh-id');
    expect(row?.notes).toEqual(['id "csto-request" is taken or not valid: gets a new one']);
  });

  it.each([
    ['an unknown type', 'type,prompt,answer\r\nflashcard,Q,A\r\n', 'unknown type "flashcard" (one of basic, cloze, mcq, truefalse, typed, ordering)'],
    ['a true/false answer that is neither', 'type,prompt,answer,explanation\r\ntruefalse,S,maybe,E\r\n', 'answer: must be true or false'],
    ['a right answer that is no option', 'type,prompt,answer,option 1,option 1 explanation,option 2,option 2 explanation,option 3,option 3 explanation\r\nmcq,Q,D,A,a,B,b,C,c\r\n', 'options: multiple choice needs exactly one correct option, found 0'],
    ['an option without its explanation', 'type,prompt,answer,option 1,option 1 explanation,option 2,option 2 explanation,option 3\r\nmcq,Q,A,A,a,B,b,C\r\n', 'options[3].explanation: must not be empty'],
    ['a typed item without explanation', 'type,prompt,answer\r\ntyped,Q,A\r\n', 'explanation: is required'],
    ['a cloze text without blanks', 'type,prompt,answer\r\ncloze,No blanks here,\r\n', expect.stringMatching(/^text: /)],
    ['an ordering of two steps', 'type,prompt,answer,explanation\r\nordering,P,"a\nb",E\r\n', 'steps: ordering needs at least 3 steps'],
  ])('reports %s on its row', (_what, csv, error) => {
    const [row] = checkImportRows(parseImportText(csv).records, { sections: ROUND_TRIP_SECTIONS, existingFronts: [] }, () => 'new-id');
    expect(row?.item).toBeUndefined();
    expect(row?.errors).toContainEqual(error);
  });
});
