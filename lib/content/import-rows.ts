// Checks imported rows (import-csv.ts) against the deck they go into and turns
// the good ones into items. A plain paste (front, back, tags, section) gives
// basic items; a file in export.csv's layout (csv-layout.ts) gives items of
// any type with all their fields. The same function makes the preview and
// decides what gets written, so the instructor sees exactly what will happen.
// Items are checked with ItemSchema like every other item.
import { csvCellsToCandidate, type CsvCells } from './csv-layout';
import type { ImportRecord } from './import-csv';
import { ITEM_TYPES, parseItem, SLUG_RE, type Item, type ItemType } from './schema';
import { tagsFromText } from './slug';

/** Longer than this is almost surely a pasting accident (a whole article in one cell). */
export const IMPORT_MAX_CHARS = 1000;
export const IMPORT_MAX_ROWS = 2000;

export interface ImportDeckContext {
  /** In study order; the first is where rows without a (known) section go. */
  sections: readonly { id: string; title: string }[];
  /** Prompts of the deck's live items (csv-layout.ts itemPrompt), to catch an item imported twice. */
  existingFronts: readonly string[];
  /** Every item id the deck ever had: a row's own id is kept only when it is not among them. */
  usedIds?: ReadonlySet<string>;
}

export interface PreviewRow {
  line: number;
  type: ItemType;
  front: string;
  back: string;
  tags: string[];
  /** Section key the row will go into. */
  section: string;
  /** Set when that section is not in the deck yet: the import adds it (a row of export.csv names its title). */
  newSection?: { id: string; title: string };
  /** Any error means the row is not imported. */
  errors: string[];
  /** Things changed on the way in (unknown section, tags rewritten, id taken). */
  notes: string[];
  item?: Item;
}

/** What the import preview answers: each row without the item it would write, and how many are valid. */
export type ImportPreview = { rows: Omit<PreviewRow, 'item'>[]; valid: number };

const normalise = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
/** As content:check writes it: 1-based list positions, `options[2].explanation`. */
function fieldPath(p: readonly PropertyKey[]): string {
  return p.reduce<string>((acc, seg) => (typeof seg === 'number' ? `${acc}[${seg + 1}]` : acc ? `${acc}.${String(seg)}` : String(seg)), '');
}

const typeLabels = ITEM_TYPES.join(', ');

function typeOf(cells: CsvCells): ItemType | string {
  const t = (cells.type ?? '').trim().toLowerCase();
  return t === '' ? 'basic' : t;
}

function evidenceOf(cells: CsvCells, sectionTitle: string): { quote?: string; paragraph?: string } {
  const quote = cells.quote?.trim();
  const paragraph = cells.paragraph?.trim();
  // Rows without evidence cite their section until the author adds a quote.
  if (!quote && !paragraph) return { paragraph: sectionTitle };
  return { ...(quote ? { quote } : {}), ...(paragraph ? { paragraph } : {}) };
}

/**
 * @param newId makes the id of each new item from its front (only called for valid rows whose own id cannot be kept)
 */
export function checkImportRows(records: readonly ImportRecord[], deck: ImportDeckContext, newId: (front: string) => string): PreviewRow[] {
  const [fallback] = deck.sections;
  if (!fallback) throw new Error('a deck always has at least one section');
  const sections = [...deck.sections];
  const seen = new Map<string, number | 'deck'>(deck.existingFronts.map((f) => [normalise(f), 'deck']));
  const keptIds = new Set<string>();

  return records.map((r) => {
    const front = r.front.trim();
    const back = r.back.trim();
    const type = typeOf(r.cells);
    const errors: string[] = [];
    const notes: string[] = [];
    const known = (ITEM_TYPES as readonly string[]).includes(type);
    if (!known) errors.push(`unknown type "${type}" (one of ${typeLabels})`);
    if (!front) errors.push('front is empty');
    // A cloze item's answers are the blanks in its text.
    if (!back && type !== 'cloze') errors.push('back is empty');
    for (const [what, value] of [['front', front], ['back', back]] as const) {
      if (value.length > IMPORT_MAX_CHARS) errors.push(`${what} is too long (${value.length} characters, at most ${IMPORT_MAX_CHARS})`);
    }
    if (front) {
      const earlier = seen.get(normalise(front));
      if (earlier === 'deck') errors.push('the deck already has a card with this front');
      else if (earlier !== undefined) errors.push(`same front as line ${earlier}`);
      else seen.set(normalise(front), r.line);
    }

    const wanted = r.section.trim();
    let section = wanted ? sections.find((s) => s.id === wanted.toLowerCase() || normalise(s.title) === normalise(wanted)) : fallback;
    const title = r.cells['section title']?.trim();
    if (!section && title && SLUG_RE.test(wanted)) {
      section = { id: wanted, title };
      sections.push(section);
    } else if (!section) notes.push(`unknown section "${wanted}": goes into "${fallback.title}"`);
    const target = section ?? fallback;
    const newSection = deck.sections.includes(target) ? undefined : target;
    if (newSection) notes.push(`adds the section "${newSection.title}"`);
    const tags = tagsFromText(r.tags);
    // Only say so when tags changed beyond letter case and separators.
    const asTyped = r.tags.toLowerCase().split(/[\s,]+/).filter(Boolean).join(' ');
    if (asTyped && tags.join(' ') !== asTyped) notes.push(`tags written as ${tags.join(' ') || '(none)'}`);

    const row: PreviewRow = { line: r.line, type: known ? (type as ItemType) : 'basic', front, back, tags, section: target.id, errors, notes };
    if (newSection) row.newSection = newSection;
    if (errors.length > 0) return row;

    const ownId = r.cells.id?.trim() ?? '';
    const keep = SLUG_RE.test(ownId) && !deck.usedIds?.has(ownId) && !keptIds.has(ownId);
    if (ownId && !keep) notes.push(`id "${ownId}" is taken or not valid: gets a new one`);
    const skill = r.cells.skill?.trim().toLowerCase();
    const parsed = parseItem({
      id: keep ? ownId : newId(front),
      section: target.id,
      tags,
      ...(skill ? { skill } : {}),
      evidence: evidenceOf(r.cells, target.title),
      ...csvCellsToCandidate(type as ItemType, front, back, r.cells),
    });
    if (parsed.success) {
      row.item = parsed.data;
      if (keep) keptIds.add(ownId);
    } else errors.push(...parsed.error.issues.map((i) => `${fieldPath(i.path) || 'row'}: ${i.message}`));
    return row;
  });
}
