// Reads the plain-text card lists other flashcard apps export, so an
// instructor can paste or upload them: Anki's "Notes in Plain Text" (tab
// separated, optional `#separator:` / `#html:` / `#tags column:` header lines),
// Quizlet's export (term<TAB>definition per line), and CSV from a spreadsheet
// (RFC 4180 quoting), and our own export.csv with every field of every item
// type (csv-layout.ts). Pure: text in, records out;
// checking records against a deck is import-rows.ts.

import { CSV_COLUMNS, type CsvCells, type CsvColumn } from './csv-layout';
import { FORMULA_GUARDED } from './export-csv';

/** Bigger pastes or files are refused before parsing; under the 1 MB server-action body limit of Next.js. */
export const IMPORT_MAX_BYTES = 800_000;

export type Delimiter = ',' | '\t' | ';' | '|';

export interface TableRow {
  /** 1-based line where the row starts (a quoted field may span several lines). */
  line: number;
  cells: string[];
}

/**
 * Splits delimited text into rows of cells. A field that starts with `"` is quoted:
 * `""` inside it is one quote, and delimiters and newlines inside it are text.
 * A quote that does not close right before a delimiter or line end (as in
 * Quizlet's unquoted `"Hello" she said`) is taken literally instead.
 */
export function parseDelimited(text: string, delimiter: Delimiter): TableRow[] {
  const rows: TableRow[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  const atFieldEnd = (j: number) => j >= n || text[j] === delimiter || text[j] === '\n' || text[j] === '\r';

  while (i < n) {
    const row: TableRow = { line, cells: [] };
    for (;;) {
      let field: string | undefined;
      if (text[i] === '"') {
        let j = i + 1;
        let value = '';
        let closed = false;
        while (j < n) {
          if (text[j] === '"') {
            if (text[j + 1] === '"') {
              value += '"';
              j += 2;
              continue;
            }
            closed = true;
            j++;
            break;
          }
          value += text[j];
          j++;
        }
        if (closed && atFieldEnd(j)) {
          field = value.replace(/\r\n?/g, '\n');
          line += (value.match(/\r\n|\r|\n/g) ?? []).length;
          i = j;
        }
      }
      if (field === undefined) {
        let j = i;
        while (!atFieldEnd(j)) j++;
        field = text.slice(i, j);
        i = j;
      }
      row.cells.push(field);
      if (i < n && text[i] === delimiter) {
        i++;
        continue;
      }
      if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
      else if (i < n) i++; // '\n' or a lone '\r'
      line++;
      break;
    }
    rows.push(row);
  }
  return rows;
}

/** Counts of each candidate delimiter outside quotes on the first non-empty line. */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { '\t': 0, ',': 0, ';': 0, '|': 0 };
  let inQuotes = false;
  let seenText = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\n' || c === '\r')) {
      if (seenText) break;
    } else if (!inQuotes && c in counts) counts[c as Delimiter]++;
    if (c.trim()) seenText = true;
  }
  // Tabs never occur in ordinary prose, so any tab means TSV (Anki, Quizlet).
  if (counts['\t'] > 0) return '\t';
  if (counts[';'] > counts[',']) return ';';
  return counts[','] > 0 ? ',' : '\t';
}

// --- import records ---------------------------------------------------------

export interface ImportRecord {
  line: number;
  front: string;
  back: string;
  /** As written; import-rows.ts turns it into slugs. */
  tags: string;
  section: string;
  /** The other columns of export.csv's layout (csv-layout.ts) the file has; none for a plain paste. */
  cells: CsvCells;
}

export interface ParsedImport {
  delimiter: Delimiter;
  /** Whether the first row was a header naming the columns. */
  header: boolean;
  records: ImportRecord[];
}

type Column = 'front' | 'back' | 'tags' | 'section' | 'ignored' | Exclude<CsvColumn, 'prompt' | 'answer' | 'tags' | 'section'>;
const HEADER_NAMES: Record<string, Column> = {
  front: 'front', question: 'front', term: 'front', prompt: 'front', word: 'front',
  back: 'back', answer: 'back', definition: 'back', meaning: 'back',
  tags: 'tags', tag: 'tags', section: 'section',
  // Written by export.csv before it carried every field (one row per card); nothing reads them now.
  evidence: 'ignored', notes: 'ignored',
  ...Object.fromEntries(CSV_COLUMNS.filter((c) => !['prompt', 'answer', 'tags', 'section'].includes(c)).map((c) => [c, c])),
};

function headerColumns(cells: string[]): Column[] | null {
  const names = cells.map((c) => HEADER_NAMES[c.trim().toLowerCase()]);
  const named = cells.filter((c) => c.trim()).length;
  if (names.filter(Boolean).length !== named) return null;
  return names.includes('front') && names.includes('back') ? names.map((n) => n ?? 'ignored') : null;
}

/** Undoes export-csv.ts's formula guard: one leading apostrophe before =, +, -, @. */
function unguard(cell: string): string {
  return FORMULA_GUARDED.test(cell) && cell.startsWith("'") ? cell.slice(1) : cell;
}

const ANKI_SEPARATORS: Record<string, Delimiter> = { tab: '\t', comma: ',', semicolon: ';', pipe: '|', '\t': '\t', ',': ',', ';': ';', '|': '|' };

/** Anki's `#key:value` lines at the top of an export; returns them and the text after them. */
function ankiDirectives(text: string): { directives: Map<string, string>; body: string; skippedLines: number } {
  const directives = new Map<string, string>();
  const lines = text.split(/\r\n|\n|\r/);
  let k = 0;
  for (; k < lines.length; k++) {
    const m = /^#([a-z ]+):(.*)$/i.exec(lines[k] ?? '');
    if (!m) break;
    directives.set((m[1] ?? '').trim().toLowerCase(), (m[2] ?? '').trim());
  }
  return { directives, body: lines.slice(k).join('\n'), skippedLines: k };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };

/** Anki exports fields as HTML when "include HTML" is on; cards here are plain text. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(div|p|li)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_m, e: string) => ENTITIES[e] ?? '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * @example parseImportText('front\tback\nWho?\tHer\n') // header row detected, one record
 */
export function parseImportText(raw: string): ParsedImport {
  const { directives, body, skippedLines } = ankiDirectives(raw.replace(/^\uFEFF/, ''));
  const declared = ANKI_SEPARATORS[(directives.get('separator') ?? '').toLowerCase()];
  const delimiter = declared ?? detectDelimiter(body);
  const html = directives.get('html')?.toLowerCase() === 'true';
  const rows = parseDelimited(body, delimiter)
    .map((r) => ({ ...r, line: r.line + skippedLines }))
    .filter((r) => r.cells.some((c) => c.trim()));

  const first = rows[0];
  const named = first ? headerColumns(first.cells) : null;
  let columns: Column[];
  if (named) {
    columns = named;
    rows.shift();
  } else {
    // Anki numbers its special columns from 1; the remaining columns are the note's fields in order.
    const special = new Set(['guid column', 'notetype column', 'deck column'].map((d) => Number(directives.get(d)) - 1));
    const tagsAt = Number(directives.get('tags column')) - 1;
    const width = Math.max(0, ...rows.map((r) => r.cells.length));
    const fields: Column[] = ['front', 'back', 'tags', 'section'];
    columns = [];
    for (let c = 0; c < width; c++) {
      if (special.has(c)) columns.push('ignored');
      else if (c === tagsAt) columns.push('tags');
      else columns.push(fields.filter((f) => !(f === 'tags' && tagsAt >= 0) && !columns.includes(f))[0] ?? 'ignored');
    }
  }

  // Only a file in our own layout (it names an item type) went through export-csv.ts's formula guard.
  const ours = columns.includes('type');
  const records = rows.map((r): ImportRecord => {
    const rec: ImportRecord = { line: r.line, front: '', back: '', tags: '', section: '', cells: {} };
    r.cells.forEach((raw, c) => {
      const col = columns[c];
      if (!col || col === 'ignored') return;
      const cell = ours ? unguard(raw) : raw;
      if (col === 'front' || col === 'back' || col === 'tags' || col === 'section') {
        if (!rec[col]) rec[col] = html && (col === 'front' || col === 'back') ? htmlToText(cell) : cell;
      } else if (!rec.cells[col]) rec.cells[col] = cell;
    });
    return rec;
  });
  return { delimiter, header: named !== null, records };
}
