// A deck as a CSV table (one row per card) for spreadsheets and other apps.
// RFC 4180: comma separated, CRLF line ends, fields quoted when they hold a
// comma, quote or line break. import-csv.ts reads it back.
import type { CardDraft } from './cards';

export const EXPORT_CSV_COLUMNS = ['id', 'type', 'section', 'prompt', 'answer', 'tags', 'explanation', 'evidence'] as const;

export type ExportCard = Pick<CardDraft, 'key' | 'type' | 'section' | 'prompt' | 'answer' | 'tags' | 'explanation' | 'evidenceQuote' | 'evidenceRef'>;

/**
 * Quotes a cell when needed. A cell a spreadsheet would run as a formula
 * (=, +, -, @, tab, CR first) gets a leading apostrophe: exports are opened
 * in Excel, and card text is written by people other than the one opening it.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function evidenceText(card: ExportCard): string {
  const quote = card.evidenceQuote ? `"${card.evidenceQuote}"` : '';
  return [quote, card.evidenceRef ?? ''].filter(Boolean).join(' — ');
}

/** Header plus one row per card; tags space-separated as Anki writes them. */
export function cardsToCsv(cards: readonly ExportCard[]): string {
  return toCsv([
    EXPORT_CSV_COLUMNS,
    ...cards.map((c) => [c.key, c.type, c.section, c.prompt, c.answer, c.tags.join(' '), c.explanation ?? '', evidenceText(c)]),
  ]);
}
