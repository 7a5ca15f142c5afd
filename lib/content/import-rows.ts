// Checks imported rows (import-csv.ts) against the deck they go into and turns
// the good ones into basic items. The same function makes the preview and
// decides what gets written, so the instructor sees exactly what will happen.
// Items are checked with ItemSchema like every other item.
import type { ImportRecord } from './import-csv';
import { parseItem, type BasicItem } from './schema';
import { tagsFromText } from './slug';

/** Longer than this is almost surely a pasting accident (a whole article in one cell). */
export const IMPORT_MAX_CHARS = 1000;
export const IMPORT_MAX_ROWS = 2000;

export interface ImportDeckContext {
  /** In study order; the first is where rows without a (known) section go. */
  sections: readonly { id: string; title: string }[];
  /** Prompts of the deck's live cards, to catch a card imported twice. */
  existingFronts: readonly string[];
}

export interface PreviewRow {
  line: number;
  front: string;
  back: string;
  tags: string[];
  /** Section key the row will go into. */
  section: string;
  /** Any error means the row is not imported. */
  errors: string[];
  /** Things changed on the way in (unknown section, tags rewritten). */
  notes: string[];
  item?: BasicItem;
}

const normalise = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * @param newId makes the id of each new item from its front (only called for valid rows)
 */
export function checkImportRows(records: readonly ImportRecord[], deck: ImportDeckContext, newId: (front: string) => string): PreviewRow[] {
  const [fallback] = deck.sections;
  if (!fallback) throw new Error('a deck always has at least one section');
  const seen = new Map<string, number | 'deck'>(deck.existingFronts.map((f) => [normalise(f), 'deck']));

  return records.map((r) => {
    const front = r.front.trim();
    const back = r.back.trim();
    const errors: string[] = [];
    const notes: string[] = [];
    if (!front) errors.push('front is empty');
    if (!back) errors.push('back is empty');
    if (front.length > IMPORT_MAX_CHARS) errors.push(`front is too long (${front.length} characters, at most ${IMPORT_MAX_CHARS})`);
    if (back.length > IMPORT_MAX_CHARS) errors.push(`back is too long (${back.length} characters, at most ${IMPORT_MAX_CHARS})`);
    if (front) {
      const earlier = seen.get(normalise(front));
      if (earlier === 'deck') errors.push('the deck already has a card with this front');
      else if (earlier !== undefined) errors.push(`same front as line ${earlier}`);
      else seen.set(normalise(front), r.line);
    }

    const wanted = r.section.trim();
    const section = wanted
      ? deck.sections.find((s) => s.id === wanted.toLowerCase() || normalise(s.title) === normalise(wanted))
      : fallback;
    if (!section) notes.push(`unknown section "${wanted}": goes into "${fallback.title}"`);
    const sectionKey = (section ?? fallback).id;
    const tags = tagsFromText(r.tags);
    // Only say so when tags changed beyond letter case and separators.
    const asTyped = r.tags.toLowerCase().split(/[\s,]+/).filter(Boolean).join(' ');
    if (asTyped && tags.join(' ') !== asTyped) notes.push(`tags written as ${tags.join(' ') || '(none)'}`);

    const row: PreviewRow = { line: r.line, front, back, tags, section: sectionKey, errors, notes };
    if (errors.length > 0) return row;
    const parsed = parseItem({
      id: newId(front),
      type: 'basic',
      section: sectionKey,
      tags,
      front,
      back,
      // Imported cards carry no quote; their section is the reference until the author adds one.
      evidence: { paragraph: (section ?? fallback).title },
    });
    if (parsed.success) row.item = parsed.data as BasicItem;
    else errors.push(...parsed.error.issues.map((i) => `${i.path.join('.') || 'row'}: ${i.message}`));
    return row;
  });
}
