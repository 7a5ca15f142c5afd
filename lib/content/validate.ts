// Validates a deck folder: YAML syntax, the schema for every item (schema.ts),
// and the checks that need more than one file: unique ids, known sections,
// deck id = folder name, evidence quotes against the source text, and typed items'
// example answers through the answer checker (check-examples.ts).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { itemToCards } from './cards';
import { exampleMismatches } from './check-examples';
import { DECK_FILE, listDeckDirs, readDeckDir, type RawDeckDir, type RawItem } from './load';
import { createQuoteMatcher } from './source-text';
import {
  ITEM_TYPES,
  SKILLS,
  isQuizType,
  parseDeckMeta,
  parseItem,
  type DeckMeta,
  type Item,
  type ItemType,
  type Skill,
} from './schema';

export interface ContentIssue {
  /** Relative to the deck folder, e.g. `items/intro.yaml` or `deck.yaml`. */
  file: string;
  itemId?: string;
  message: string;
}

export interface DeckStats {
  items: number;
  /** After cloze expansion. */
  cards: number;
  /** Items of QUIZ_TYPES (one question each). */
  quizQuestions: number;
  byType: Record<ItemType, number>;
  bySection: Record<string, number>;
  bySkill: Record<Skill, number>;
}

export interface DeckValidation {
  dir: string;
  ok: boolean;
  errors: ContentIssue[];
  warnings: ContentIssue[];
  deck?: DeckMeta;
  /** Items that passed the schema, in file order (present even when other checks failed). */
  items?: Item[];
  /** The file each of those items came from, by item id (relative to the deck folder). */
  itemFiles?: Record<string, string>;
  stats: DeckStats;
}

export interface ValidateOptions {
  /** Directory holding source texts named by deck.yaml `sourceFile`. */
  sourceDir?: string;
}

function formatPath(p: readonly PropertyKey[]): string {
  // 1-based list positions: authors count "the second option", not options[1].
  return p.reduce<string>((acc, seg) => {
    if (typeof seg === 'number') return `${acc}[${seg + 1}]`;
    return acc ? `${acc}.${String(seg)}` : String(seg);
  }, '');
}

function zodIssues(error: z.ZodError, file: string, itemId: string | undefined, where = ''): ContentIssue[] {
  return error.issues.map((iss) => {
    const p = formatPath(iss.path);
    return { file, itemId, message: `${where}${p ? `${p}: ` : ''}${iss.message}` };
  });
}

function rawId(raw: RawItem): string | undefined {
  const id = (raw.data as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.trim() ? id.trim() : undefined;
}

export function emptyStats(): DeckStats {
  return {
    items: 0,
    cards: 0,
    quizQuestions: 0,
    byType: Object.fromEntries(ITEM_TYPES.map((t) => [t, 0])) as Record<ItemType, number>,
    bySection: {},
    bySkill: Object.fromEntries(SKILLS.map((s) => [s, 0])) as Record<Skill, number>,
  };
}

export function computeStats(deckId: string, items: readonly Item[], sectionIds: readonly string[] = []): DeckStats {
  const stats = emptyStats();
  for (const id of sectionIds) stats.bySection[id] = 0;
  for (const item of items) {
    stats.items++;
    stats.cards += itemToCards(deckId, item).length;
    if (isQuizType(item.type)) stats.quizQuestions++;
    stats.byType[item.type]++;
    stats.bySkill[item.skill]++;
    stats.bySection[item.section] = (stats.bySection[item.section] ?? 0) + 1;
  }
  return stats;
}

export function validateDeckDir(dir: string, options: ValidateOptions = {}): DeckValidation {
  return validateRawDeck(readDeckDir(dir), options);
}

/** Every check of validateDeckDir on a deck already read (from disk, or from an upload held in memory). */
export function validateRawDeck(raw: RawDeckDir, options: ValidateOptions = {}): DeckValidation {
  const errors: ContentIssue[] = [...raw.errors];
  const warnings: ContentIssue[] = [...raw.warnings];

  let deck: DeckMeta | undefined;
  if (raw.deck !== undefined) {
    const parsed = parseDeckMeta(raw.deck);
    if (parsed.success) deck = parsed.data;
    else errors.push(...zodIssues(parsed.error, DECK_FILE, undefined));
  }
  if (deck && deck.id !== raw.folder) {
    errors.push({ file: DECK_FILE, message: `deck id '${deck.id}' must equal the folder name '${raw.folder}'` });
  }

  // Duplicate ids are checked on raw data so that even items with other
  // errors are reported at every location.
  const seen = new Map<string, RawItem[]>();
  for (const r of raw.items) {
    const id = rawId(r);
    if (id) seen.set(id, [...(seen.get(id) ?? []), r]);
  }
  for (const [id, places] of seen) {
    if (places.length < 2) continue;
    for (const p of places) {
      const others = places.filter((o) => o !== p).map((o) => `${o.file} (item ${o.position})`);
      errors.push({ file: p.file, itemId: id, message: `duplicate item id, also used in ${others.join(', ')}` });
    }
  }

  const items: Item[] = [];
  const itemFile = new Map<Item, string>();
  for (const r of raw.items) {
    const id = rawId(r);
    const parsed = parseItem(r.data);
    if (!parsed.success) {
      errors.push(...zodIssues(parsed.error, r.file, id, id ? '' : `item ${r.position}: `));
      continue;
    }
    items.push(parsed.data);
    itemFile.set(parsed.data, r.file);
    if (parsed.data.type === 'typed') {
      for (const m of exampleMismatches(parsed.data)) errors.push({ file: r.file, itemId: parsed.data.id, message: m.message });
    }
  }

  if (deck) {
    const sectionIds = deck.sections.map((s) => s.id);
    for (const item of items) {
      if (!sectionIds.includes(item.section)) {
        errors.push({
          file: itemFile.get(item) ?? '',
          itemId: item.id,
          message: `section '${item.section}' is not defined in deck.yaml (sections: ${sectionIds.join(', ')})`,
        });
      }
    }
    checkQuotes(deck, items, itemFile, options, errors, warnings);
  }

  const deckId = deck?.id ?? raw.folder;
  return {
    dir: raw.dir,
    ok: errors.length === 0,
    errors,
    warnings,
    deck,
    items,
    itemFiles: Object.fromEntries(items.map((i) => [i.id, itemFile.get(i) ?? ''])),
    stats: computeStats(deckId, items, deck?.sections.map((s) => s.id)),
  };
}

function checkQuotes(
  deck: DeckMeta,
  items: readonly Item[],
  itemFile: Map<Item, string>,
  options: ValidateOptions,
  errors: ContentIssue[],
  warnings: ContentIssue[],
): void {
  if (!deck.sourceFile) return;
  const sourcePath = options.sourceDir ? path.join(options.sourceDir, deck.sourceFile) : undefined;
  if (!sourcePath || !existsSync(sourcePath)) {
    const where = options.sourceDir ? ` (looked in ${options.sourceDir})` : '';
    warnings.push({ file: DECK_FILE, message: `source text not found, quotes not checked: ${deck.sourceFile}${where}` });
    return;
  }
  const matcher = createQuoteMatcher(readFileSync(sourcePath, 'utf8'));
  for (const item of items) {
    const quote = item.evidence.quote;
    if (quote === undefined || matcher.occurs(quote)) continue;
    const prefix = matcher.matchingPrefix(quote);
    const hint = prefix ? ` (the text matches up to "${prefix}")` : ' (not even its first word matches)';
    errors.push({
      file: itemFile.get(item) ?? '',
      itemId: item.id,
      message: `evidence quote not found in source text ${deck.sourceFile}${hint}`,
    });
  }
}

export function validateAllDecks(contentDir: string, options: ValidateOptions = {}): DeckValidation[] {
  return listDeckDirs(contentDir).map((dir) => validateDeckDir(dir, options));
}
