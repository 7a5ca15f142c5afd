import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkRawDeck, issueLine } from '@/lib/content/check-deck';
import { deckFromYamlExport, deckFromZip, UploadError, ZIP_MAX_ENTRIES, ZIP_MAX_UNCOMPRESSED } from '@/lib/content/deck-upload';
import { deckToYaml } from '@/lib/content/export-yaml';
import { validateDeckDir } from '@/lib/content/validate';
import { ROUND_TRIP_ITEMS, ROUND_TRIP_SECTIONS } from '../../support/every-item-type';

const dir = path.resolve('content/war-for-peace');
const sourceDir = path.resolve('..', 'shared', 'source');
const real = validateDeckDir(dir, { sourceDir });

/** The deck folder as zip entries under `prefix`. */
function folderEntries(prefix: string): Zippable {
  const entries: Zippable = { [`${prefix}deck.yaml`]: readFileSync(path.join(dir, 'deck.yaml')) };
  for (const f of readdirSync(path.join(dir, 'items'))) entries[`${prefix}items/${f}`] = readFileSync(path.join(dir, 'items', f));
  return entries;
}

const refusal = (zip: Uint8Array) => {
  try {
    deckFromZip(zip);
  } catch (e) {
    return e instanceof UploadError ? e.message : `not an UploadError: ${String(e)}`;
  }
  return 'accepted';
};

// The real deck's checks (quotes against the article, the lint) take seconds on a busy machine.
describe('a deck uploaded in the content format', { timeout: 30_000 }, () => {
  it('the YAML export passes the same checks as the folder it came from, with the same items', () => {
    const yaml = deckToYaml(real.deck!, real.items!, new Date('2026-03-02T00:00:00Z'));
    const check = checkRawDeck(deckFromYamlExport(yaml), { sourceDir });
    expect(check.errors).toEqual([]);
    expect(check.validation.items).toEqual(real.items);
    expect(check.validation.itemFiles?.[real.items![0]!.id]).toBe('items/01-items.yaml');
  });

  it('the YAML of the every-type fixture (used by the e2e test) is a clean deck', () => {
    const meta = { id: 'every-type', title: 'T', author: 'A', published: '2022-01-24', sourceUrl: 'https://example.org', description: 'D', sections: ROUND_TRIP_SECTIONS };
    const check = checkRawDeck(deckFromYamlExport(deckToYaml(meta, ROUND_TRIP_ITEMS, new Date())), { sourceDir });
    expect(check.errors).toEqual([]);
    expect(check.validation.items).toEqual(ROUND_TRIP_ITEMS);
  });

  it.each(['', 'war-for-peace/', 'content/war-for-peace/'])('a zip of the folder (at "%s") gives what content:check gives', (prefix) => {
    const check = checkRawDeck(deckFromZip(zipSync(folderEntries(prefix))), { sourceDir });
    expect(check.errors).toEqual([]);
    expect(check.validation.items).toEqual(real.items);
    expect(check.validation.itemFiles).toEqual(real.itemFiles);
  });

  it('reports errors per item as content:check prints them, quotes checked against the source text', () => {
    const entries = folderEntries('war-for-peace/');
    const first = Object.keys(entries).find((k) => k.includes('/items/'))!;
    const text = readFileSync(path.join(dir, 'items', path.basename(first)), 'utf8');
    const id = /- id: (\S+)/.exec(text)![1]!;
    const broken = text.replace(/quote: .*/, 'quote: words the article never wrote').replace(/section: (\S+)/, 'section: nowhere');
    entries[first] = strToU8(broken);
    const lines = checkRawDeck(deckFromZip(zipSync(entries)), { sourceDir }).errors.map((i) => issueLine(i));
    expect(lines.some((l) => l.startsWith(`items/${path.basename(first)}: `) && l.includes("section 'nowhere' is not defined"))).toBe(true);
    expect(lines.some((l) => l.includes('evidence quote not found in source text'))).toBe(true);
    expect(lines.some((l) => l.includes(`: ${id}: `))).toBe(true);
  });

  it('a zip folder named otherwise than the deck id fails as it does in content:check', () => {
    const lines = checkRawDeck(deckFromZip(zipSync(folderEntries('renamed/'))), { sourceDir }).errors.map((i) => issueLine(i));
    expect(lines).toContain("deck.yaml: deck id 'war-for-peace' must equal the folder name 'renamed'");
  });

  it.each<[string, () => Uint8Array, RegExp]>([
    ['too many files', () => zipSync(Object.fromEntries(Array.from({ length: ZIP_MAX_ENTRIES + 1 }, (_, i) => [`items/${i}.yaml`, strToU8('[]')]))), /more than 200 files/],
    ['too large uncompressed', () => zipSync({ 'deck.yaml': new Uint8Array(ZIP_MAX_UNCOMPRESSED + 1) }, { level: 9 }), /unpacks to more than 4 MB/],
    ['a path with ..', () => zipSync({ 'deck/../../etc/deck.yaml': strToU8('id: x') }), /leaves its folder/],
    ['an absolute path', () => zipSync({ '/etc/deck.yaml': strToU8('id: x') }), /leaves its folder/],
    ['not a zip', () => strToU8('id: x\n'), /not a zip archive/],
    ['no deck.yaml', () => zipSync({ 'items/a.yaml': strToU8('[]') }), /no deck.yaml/],
    ['two decks', () => zipSync({ 'a/deck.yaml': strToU8('id: a'), 'b/deck.yaml': strToU8('id: b') }), /more than one deck/],
  ])('refuses a zip with %s, before inflating it', (_what, make, message) => {
    expect(refusal(make())).toMatch(message);
  });

  it('refuses a YAML file that is not a deck export', () => {
    expect(() => deckFromYamlExport('- id: x\n')).toThrow(/needs a `deck:` part/);
    expect(() => deckFromYamlExport('deck: [\n')).toThrow(/YAML syntax error/);
  });
});
