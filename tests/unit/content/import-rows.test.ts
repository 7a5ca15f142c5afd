import { describe, expect, it } from 'vitest';
import { parseImportText } from '@/lib/content/import-csv';
import { checkImportRows, IMPORT_MAX_CHARS } from '@/lib/content/import-rows';
import { tagsFromText } from '@/lib/content/slug';

const deck = {
  sections: [
    { id: 'intro', title: 'Introduction' },
    { id: 'future', title: 'Future Missions?' },
  ],
  existingFronts: ['Who chaired the CSTO?'],
};
let n = 0;
const newId = () => `item-${++n}`;
const check = (text: string) => checkImportRows(parseImportText(text).records, deck, newId);

describe('checkImportRows', () => {
  it('turns a good row into a basic item that cites its section', () => {
    const [row] = check('When did troops arrive?\tJanuary 2022\tcsto\tfuture');
    expect(row?.errors).toEqual([]);
    expect(row?.item).toEqual({
      id: expect.stringMatching(/^item-\d+$/),
      type: 'basic',
      section: 'future',
      tags: ['csto'],
      skill: 'recall',
      front: 'When did troops arrive?',
      back: 'January 2022',
      evidence: { paragraph: 'Future Missions?' },
    });
  });

  it('reports empty fronts and backs', () => {
    const rows = check('\tonly back\nonly front\t\n');
    expect(rows.map((r) => r.errors)).toEqual([['front is empty'], ['back is empty']]);
    expect(rows.every((r) => r.item === undefined)).toBe(true);
  });

  it('reports too long fields', () => {
    const [row] = check(`${'x'.repeat(IMPORT_MAX_CHARS + 1)}\tb`);
    expect(row?.errors).toEqual([expect.stringMatching(/front is too long/)]);
  });

  it('reports fronts already in the deck or earlier in the paste, ignoring case and spacing', () => {
    const rows = check('who  chaired the csto?\tx\nNew one\ta\nnew ONE\tb\n');
    expect(rows.map((r) => r.errors)).toEqual([['the deck already has a card with this front'], [], ['same front as line 2']]);
  });

  it('puts rows with an unknown section in the first section, with a note', () => {
    const [row] = check('q\ta\t\tNowhere');
    expect(row).toMatchObject({ section: 'intro', errors: [], notes: ['unknown section "Nowhere": goes into "Introduction"'] });
  });

  it('notes tags that had to be rewritten, but not mere capitals', () => {
    expect(check('q1\ta\tCSTO, Armenia').map((r) => [r.tags, r.notes])).toEqual([[['csto', 'armenia'], []]]);
    expect(check('q2\ta\tGeography::Europe').map((r) => r.notes)).toEqual([['tags written as geography-europe']]);
  });

  it('matches sections by key or by title', () => {
    expect(check('q1\ta\t\tFUTURE MISSIONS?\nq2\ta\t\tfuture').map((r) => r.section)).toEqual(['future', 'future']);
  });
});

describe('tagsFromText', () => {
  it('makes slugs from Anki and spreadsheet tags', () => {
    expect(tagsFromText('Geography::Europe  CSTO, csto,War_Peace')).toEqual(['geography-europe', 'csto', 'war-peace']);
  });
});
