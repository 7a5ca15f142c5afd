/**
 * Writing CSV (RFC 4180): fields with a comma, quote or line break are quoted, quotes doubled,
 * rows end with CRLF. Text that a spreadsheet would run as a formula (=, +, -, @ first) is
 * prefixed with an apostrophe, so an exported file cannot carry a formula into the learner's sheet.
 */

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field. Numbers and booleans are written as they are; null and undefined as empty.
 * @example csvField('a "quoted", text') // '"a ""quoted"", text"'
 * @example csvField('=SUM(A1)') // "'=SUM(A1)"
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line including its CRLF ending. */
export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
