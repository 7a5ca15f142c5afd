// A deck in the content/ file format uploaded in the browser: the YAML export (export-yaml.ts, one
// document with `deck:` and `items:`) or a zip of a deck folder laid out as under content/
// (deck.yaml, items/*.yaml; content/README.md). Either becomes the in-memory files readDeckFiles
// reads, so it is checked exactly as `npm run content:check` checks a folder (check-deck.ts).
// A zip is read with limits before anything is inflated: a hostile one (too many entries, too much
// uncompressed data, paths that climb out with `..`) is refused as a whole.
import { unzipSync } from 'fflate';
import { parseDocument, stringify } from 'yaml';
import { ZIP_MAX_BYTES } from './deck-upload-preview';
import { DECK_FILE, readDeckFiles, type FileText, type RawDeckDir } from './load';

export { ZIP_MAX_BYTES };

export const ZIP_MAX_ENTRIES = 200;
/** All entries inflated together; the real deck's folder is about 200 KB. */
export const ZIP_MAX_UNCOMPRESSED = 4_000_000;

export class UploadError extends Error {}

/** The two files the YAML export's header comment says to split it into. */
export const EXPORT_ITEMS_FILE = 'items/01-items.yaml';

function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The YAML export as a deck folder: `deck:` → deck.yaml, `items:` → items/01-items.yaml. */
export function deckFromYamlExport(text: string): RawDeckDir {
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { prettyErrors: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    throw new UploadError(`YAML syntax error: ${(first.message.split('\n')[0] ?? first.message).replace(/:$/, '')}`);
  }
  const data = doc.toJS() as unknown;
  if (!isMapping(data) || !('deck' in data) || !('items' in data)) {
    throw new UploadError('This is not a deck export: it needs a `deck:` part and an `items:` list (as export.yaml writes them).');
  }
  const id = isMapping(data.deck) && typeof data.deck.id === 'string' ? data.deck.id : 'deck';
  const files = new Map<string, FileText>([
    [DECK_FILE, stringify(data.deck)],
    [EXPORT_ITEMS_FILE, stringify(data.items)],
  ]);
  // The export has no folder; its deck id stands for the folder name content:check compares it with.
  return readDeckFiles(id, id, files);
}

/** An entry name is refused when it could land outside the folder it is unpacked into. */
function unsafePath(name: string): boolean {
  return name.startsWith('/') || name.includes('\\') || name.includes('\0') || /^[a-z]:/i.test(name) || name.split('/').includes('..');
}

const ignored = (name: string) => name.endsWith('/') || name.split('/').some((seg) => seg.startsWith('.') || seg === '__MACOSX');

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A zip of one deck folder: deck.yaml at its root, or inside one folder (`war-for-peace/…`, `content/war-for-peace/…`). */
export function deckFromZip(bytes: Uint8Array): RawDeckDir {
  if (bytes.length > ZIP_MAX_BYTES) throw new UploadError(`That zip is larger than ${Math.round(ZIP_MAX_BYTES / 1000)} KB.`);
  let entries = 0;
  let total = 0;
  let unzipped: Record<string, Uint8Array>;
  try {
    unzipped = unzipSync(bytes, {
      filter(file) {
        if (++entries > ZIP_MAX_ENTRIES) throw new UploadError(`That zip holds more than ${ZIP_MAX_ENTRIES} files.`);
        if (unsafePath(file.name)) throw new UploadError(`That zip holds a path that leaves its folder: ${file.name.slice(0, 120)}`);
        if (ignored(file.name)) return false;
        // The declared size bounds what fflate inflates (its output buffer has that size).
        total += file.originalSize;
        if (total > ZIP_MAX_UNCOMPRESSED) throw new UploadError(`That zip unpacks to more than ${ZIP_MAX_UNCOMPRESSED / 1_000_000} MB.`);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof UploadError) throw e;
    throw new UploadError('That file is not a zip archive that can be read.');
  }

  const decks = Object.keys(unzipped).filter((n) => n === DECK_FILE || n.endsWith(`/${DECK_FILE}`));
  if (decks.length === 0) throw new UploadError('That zip has no deck.yaml.');
  const shallowest = Math.min(...decks.map((d) => d.split('/').length));
  const top = decks.filter((d) => d.split('/').length === shallowest);
  if (top.length > 1) throw new UploadError('That zip holds more than one deck; upload one deck at a time.');
  const root = top[0]!.slice(0, -DECK_FILE.length); // '' or 'content/war-for-peace/'

  const files = new Map<string, FileText>();
  for (const [name, data] of Object.entries(unzipped)) {
    if (!name.startsWith(root)) continue;
    try {
      files.set(name.slice(root.length), utf8.decode(data));
    } catch {
      files.set(name.slice(root.length), { error: 'not UTF-8 text' });
    }
  }
  const folder = root.split('/').filter(Boolean).pop();
  const deckId = /^id:\s*([a-z0-9-]+)\s*$/m.exec(typeof files.get(DECK_FILE) === 'string' ? (files.get(DECK_FILE) as string) : '')?.[1];
  // Without a folder in the zip, the deck id stands for it (as for the YAML export).
  const name = folder ?? deckId ?? 'deck';
  return readDeckFiles(name, name, files);
}
