import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CSV_COLUMNS } from '@/lib/content/csv-layout';
import { csvCell, itemsToCsv } from '@/lib/content/export-csv';
import { deckMetaGaps, deckToYaml } from '@/lib/content/export-yaml';
import { parseDelimited } from '@/lib/content/import-csv';
import { parseDeckMeta, parseItem } from '@/lib/content/schema';
import { validateDeckDir } from '@/lib/content/validate';

const real = validateDeckDir(path.resolve('content/war-for-peace'));
const deck = real.deck!;
const items = real.items!;

describe('export.csv', () => {
  it('has one row per item that the CSV parser reads back cell for cell', () => {
    const rows = parseDelimited(itemsToCsv(deck.sections, items), ',').map((r) => r.cells);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(items.length + 1);
    const mcq = items.find((c) => c.type === 'mcq')!;
    const row = rows.find((r) => r[0] === mcq.id)!;
    const right = mcq.type === 'mcq' ? mcq.options.find((o) => o.correct)?.text : '';
    expect(row.slice(1, 9)).toEqual(['mcq', mcq.section, deck.sections.find((s) => s.id === mcq.section)?.title, mcq.skill, mcq.tags.join(' '), mcq.question, right, mcq.explanation ?? '']);
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('plain')).toBe('plain');
    // One more apostrophe where one is already there, so that import can always take one off.
    expect(csvCell("'-5")).toBe("''-5");
  });
});

describe('export.yaml', () => {
  it('gives back the real deck: metadata and every item pass the content schema unchanged', () => {
    const doc = parse(deckToYaml(deck, items, new Date('2026-03-02T00:00:00Z'))) as { deck: unknown; items: unknown[] };
    const meta = parseDeckMeta(doc.deck);
    expect(meta.success).toBe(true);
    // Neither the source file name nor the lint thresholds are stored in the database (content/README.md).
    const { sourceFile: _notStored, lint: _lintNotStored, ...stored } = deck;
    expect(meta.data).toEqual(stored);
    expect(doc.items.map((i) => parseItem(i).data)).toStrictEqual(items);
  });

  it('lists in a header comment what an authored deck still needs for content:check', () => {
    const authored = { id: 'my-deck-x1y2z', title: 'My deck', author: 'Me', sourceUrl: null, description: 'About it', sections: [{ id: 'one', title: 'One', notes: '' }] };
    expect(deckMetaGaps(authored)).toEqual(['published: is required', 'sourceUrl: must be a full URL (https://...)', 'sections[1].notes: must not be empty']);
    const text = deckToYaml(authored, [], new Date('2026-03-02T00:00:00Z'));
    expect(text).toMatch(/^# Deck "my-deck-x1y2z" exported 2026-03-02\./);
    expect(text).toContain('#   deck.published: is required');
  });
});
