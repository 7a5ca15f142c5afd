// Reads deck folders (from disk, or files held in memory) into raw YAML data, remembering which file and
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

function parseYaml(source: string, relFile: string, errors: ReadProblem[]): { ok: boolean; data: unknown } {
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

/** A file's text, or the reason it could not be read. */
export type FileText = string | { error: string };

/**
 * A deck from its files' texts, by path relative to the deck folder (`deck.yaml`, `items/*.yaml`):
 * what readDeckDir reads from disk, and what a browser upload (deck-upload.ts) holds in memory.
 * Items files are read in code-point order of their names, independent of locale.
 */
export function readDeckFiles(dir: string, folder: string, files: ReadonlyMap<string, FileText>): RawDeckDir {
  const result: RawDeckDir = { dir, folder, deck: undefined, items: [], files: [], errors: [], warnings: [] };
  const read = (file: string) => {
    result.files.push(file);
    const text = files.get(file);
    if (typeof text === 'object') {
      result.errors.push({ file, message: `cannot read file: ${text.error}` });
      return { ok: false, data: undefined };
    }
    return parseYaml(text ?? '', file, result.errors);
  };

  if (!files.has(DECK_FILE)) result.errors.push({ file: DECK_FILE, message: 'deck.yaml is missing' });
  else result.deck = read(DECK_FILE).data;

  const itemFiles = [...files.keys()].filter(isItemsFile).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (itemFiles.length === 0) result.warnings.push({ file: ITEMS_DIR, message: 'no item files (items/*.yaml)' });
  for (const file of itemFiles) {
    const { ok, data } = read(file);
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

/** `items/<name>.yaml` directly in the items folder, not a hidden file. */
export function isItemsFile(rel: string): boolean {
  const m = /^items\/([^/]+)$/.exec(rel);
  return m !== null && /\.ya?ml$/.test(m[1] ?? '') && !(m[1] ?? '').startsWith('.');
}

function readText(abs: string): FileText {
  try {
    return readFileSync(abs, 'utf8');
  } catch (e) {
    return { error: (e as Error).message };
  }
}

export function readDeckDir(dir: string): RawDeckDir {
  const abs = path.resolve(dir);
  const files = new Map<string, FileText>();
  if (existsSync(path.join(abs, DECK_FILE))) files.set(DECK_FILE, readText(path.join(abs, DECK_FILE)));
  const itemsDir = path.join(abs, ITEMS_DIR);
  if (existsSync(itemsDir)) {
    for (const f of readdirSync(itemsDir)) {
      const rel = `${ITEMS_DIR}/${f}`;
      if (isItemsFile(rel)) files.set(rel, readText(path.join(itemsDir, f)));
    }
  }
  return readDeckFiles(abs, path.basename(abs), files);
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
