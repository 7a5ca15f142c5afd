// A deck as a CSV table (one row per item, columns in csv-layout.ts) for
// spreadsheets and other apps. RFC 4180: comma separated, CRLF line ends,
// fields quoted when they hold a comma, quote or line break. import-csv.ts
// reads it back into the same items.
import { CSV_COLUMNS, itemToCsvCells } from './csv-layout';
import type { DeckSectionRecord } from './deck-record';
import type { Item } from './schema';

/** A cell a spreadsheet would run as a formula; a leading apostrophe is the guard, which import-csv.ts takes off again. */
export const FORMULA_GUARDED = /^'*[=+\-@\t\r]/;

/**
 * Quotes a cell when needed. A cell a spreadsheet would run as a formula
 * (=, +, -, @, tab, CR first) gets a leading apostrophe: exports are opened
 * in Excel, and card text is written by people other than the one opening it.
 * Text that already starts with apostrophes before such a character gets one more,
 * so taking one off on import always gives the text back.
 */
export function csvCell(value: string): string {
  const safe = FORMULA_GUARDED.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Header plus one row per item; tags space-separated as Anki writes them. */
export function itemsToCsv(sections: readonly DeckSectionRecord[], items: readonly Item[]): string {
  const titles = new Map(sections.map((s) => [s.id, s.title]));
  return toCsv([
    CSV_COLUMNS,
    ...items.map((item) => {
      const cells = itemToCsvCells(item, titles.get(item.section) ?? item.section);
      return CSV_COLUMNS.map((c) => cells[c] ?? '');
    }),
  ]);
}
