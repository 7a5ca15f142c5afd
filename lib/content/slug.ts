// Ids for things authored in the browser (decks, sections, items, tags).
// They must match SLUG_RE like hand-written ids, read well in URLs and exports,
// and never collide: a short random suffix makes a new id unique without a
// lookup, and an id is never changed after it is made ("Ids are forever",
// content/README.md), since study progress hangs off it.
import { SLUG_RE } from './slug-pattern';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Lower-case ASCII words joined by dashes; accents are dropped (é → e), other
 * characters separate words. May return '' when nothing usable is left.
 * @example slugify('War for Peace: Moscow’s "Peacekeeping"', 3) // 'war-for-peace'
 */
export function slugify(text: string, maxWords = 6): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, maxWords)
    .join('-')
    .slice(0, 48)
    .replace(/-+$/, '');
}

/** `length` random characters from [a-z0-9], from the platform's CSPRNG (Node and browsers). */
export function randomSuffix(length = 5): string {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  // 256 % 36 = 4: a negligible bias, and these ids only need to be unlikely to collide.
  return [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
}

/**
 * A new id from some human text: its first words plus a random suffix,
 * or `fallback` plus the suffix when the text has no usable letters.
 * @example newSlugId('Who chaired the CSTO?', 'item') // 'who-chaired-the-csto-k3x9q'
 */
export function newSlugId(text: string, fallback: string, maxWords = 5): string {
  const id = `${slugify(text, maxWords) || fallback}-${randomSuffix()}`;
  if (!SLUG_RE.test(id)) throw new Error(`generated an invalid id: ${id}`);
  return id;
}

/**
 * Tags as people type them (spaces or commas, Anki's `a::b` hierarchies, capitals) → distinct slugs.
 * @example tagsFromText('Geography::Europe CSTO, csto') // ['geography-europe', 'csto']
 */
export function tagsFromText(raw: string): string[] {
  const tags = raw.split(/[\s,]+/).map((t) => slugify(t.replace(/::/g, '-'), 8)).filter(Boolean);
  return [...new Set(tags)];
}
