// Reads deck folders from disk into raw YAML data, remembering which file and
// position every item came from so errors can point authors at the right
// place. No schema checks here: see validate.ts for turning this into typed,
// checked decks.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';

export const DECK_FILE = 'deck.yaml';
export const ITEMS_DIR = 'items';

/** A problem found while reading files (missing file, YAML syntax, wrong shape). */
export interface ReadProblem {
  /** Path relative to the deck folder, e.g. `items/intro.yaml`. */
  file: string;
  message: string;
}

export interface RawItem {
  file: string;
  /** 1-based position of the item in its file. */
  position: number;
  data: unknown;
}

export interface RawDeckDir {
  /** Absolute deck folder. */
  dir: string;
  /** Folder name; must equal the deck id. */
  folder: string;
  /** Parsed deck.yaml, or undefined if missing/unparseable. */
  deck: unknown;
  items: RawItem[];
  /** Every YAML file read, relative to the deck folder, in read order. */
  files: string[];
  errors: ReadProblem[];
  warnings: ReadProblem[];
}

function readYaml(absFile: string, relFile: string, errors: ReadProblem[]): { ok: boolean; data: unknown } {
  let source: string;
  try {
    source = readFileSync(absFile, 'utf8');
  } catch (e) {
    errors.push({ file: relFile, message: `cannot read file: ${(e as Error).message}` });
    return { ok: false, data: undefined };
  }
  const doc = parseDocument(source, { prettyErrors: true });
  if (doc.errors.length > 0) {
    for (const err of doc.errors) {
      // yaml's message carries a multi-line code excerpt; the first line has the position.
      const first = (err.message.split('\n')[0] ?? err.message).replace(/:$/, '');
      errors.push({ file: relFile, message: `YAML syntax error: ${first}` });
    }
    return { ok: false, data: undefined };
  }
  return { ok: true, data: doc.toJS() };
}

function itemFiles(dir: string): string[] {
  const itemsDir = path.join(dir, ITEMS_DIR);
  if (!existsSync(itemsDir)) return [];
  return readdirSync(itemsDir)
    .filter((f) => /\.ya?ml$/.test(f) && !f.startsWith('.'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) // code-point order, independent of locale
    .map((f) => `${ITEMS_DIR}/${f}`);
}

export function readDeckDir(dir: string): RawDeckDir {
  const abs = path.resolve(dir);
  const result: RawDeckDir = {
    dir: abs,
    folder: path.basename(abs),
    deck: undefined,
    items: [],
    files: [],
    errors: [],
    warnings: [],
  };

  if (!existsSync(path.join(abs, DECK_FILE))) {
    result.errors.push({ file: DECK_FILE, message: 'deck.yaml is missing' });
  } else {
    result.files.push(DECK_FILE);
    result.deck = readYaml(path.join(abs, DECK_FILE), DECK_FILE, result.errors).data;
  }

  const files = itemFiles(abs);
  if (files.length === 0) result.warnings.push({ file: ITEMS_DIR, message: 'no item files (items/*.yaml)' });
  for (const file of files) {
    result.files.push(file);
    const { ok, data } = readYaml(path.join(abs, file), file, result.errors);
    if (!ok) continue;
    if (data === null || data === undefined) {
      result.warnings.push({ file, message: 'file has no items' });
    } else if (!Array.isArray(data)) {
      result.errors.push({ file, message: 'an items file must be a YAML list (every item starts with "- id: ...")' });
    } else {
      data.forEach((item, i) => result.items.push({ file, position: i + 1, data: item }));
    }
  }
  return result;
}

/** Deck folders under contentDir: subfolders with a deck.yaml, skipping `_drafts`, `.hidden` and plain files. */
export function listDeckDirs(contentDir: string): string[] {
  const abs = path.resolve(contentDir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs)
    .filter((name) => !name.startsWith('_') && !name.startsWith('.'))
    .map((name) => path.join(abs, name))
    .filter((p) => statSync(p).isDirectory() && existsSync(path.join(p, DECK_FILE)))
    .sort();
}

export function readAllDecks(contentDir: string): RawDeckDir[] {
  return listDeckDirs(contentDir).map(readDeckDir);
}
