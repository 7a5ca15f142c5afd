/**
 * A deck in the content format imported through the real path (db/queries/authoring-upload.ts, what
 * the import page's actions call) on a real SQLite file: the YAML export of the shared deck comes
 * back item for item into a new deck, with its sections; a file with an error writes nothing.
 */
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDeck, deckForEditor, deckForExport } from '@/db/queries/authoring-decks';
import { AuthoringError, DeckNotFoundError } from '@/db/queries/authoring-edit';
import { importDeckUpload, previewDeckUpload } from '@/db/queries/authoring-upload';
import { deckToYaml } from '@/lib/content/export-yaml';
import { loadRealDeck, makeUser } from '../support/fixtures';

const T0 = new Date('2026-03-02T09:00:00Z');
type U = Awaited<ReturnType<typeof makeUser>>;
const newDeck = async (user: U) =>
  await createDeck(user, { title: 'Imported', author: 'Iris', sourceUrl: 'https://example.org/a', description: 'A deck.', sectionTitle: 'Introduction', sectionNotes: '' }, T0);

describe('importing a deck file on a real SQLite file', () => {
  let iris: U;
  let otto: U;
  let yaml: string;
  beforeAll(async () => {
    await loadRealDeck();
    [iris, otto] = await Promise.all([makeUser('instructor'), makeUser('instructor')]);
    const shared = (await deckForExport(iris, 'war-for-peace'))!;
    yaml = deckToYaml(shared.deck, shared.items, T0);
  });

  it('previews, then imports the YAML export of the shared deck with every item and section', async () => {
    const shared = (await deckForExport(iris, 'war-for-peace'))!;
    const deckId = await newDeck(iris);
    const preview = await previewDeckUpload(iris, { deckId, format: 'yaml', data: yaml });
    expect(preview.errors).toEqual([]);
    expect(preview.items).toHaveLength(shared.items.length);
    expect(preview.newSections).toEqual(shared.deck.sections.map((s) => s.title));
    expect((await deckForEditor(iris, deckId))?.items).toEqual([]);

    expect(await importDeckUpload(iris, { deckId, format: 'yaml', data: yaml }, T0)).toEqual({ imported: shared.items.length });
    const copy = (await deckForEditor(iris, deckId))!;
    expect(copy.items).toEqual(shared.items);
    expect(copy.deck.sections.map((s) => s.id)).toEqual(['introduction', ...shared.deck.sections.map((s) => s.id)]);
    // The new deck's own first section keeps its (empty) notes; the added ones bring theirs.
    expect(copy.deck.sections.slice(1)).toEqual(shared.deck.sections);

    // Again: every item is already there; nothing is written.
    const again = await previewDeckUpload(iris, { deckId, format: 'yaml', data: yaml });
    expect(again.errors[0]).toMatch(/^items\/01-items\.yaml: [a-z0-9-]+: the deck already has a card with this front$/);
    await expect(importDeckUpload(iris, { deckId, format: 'yaml', data: yaml }, T0)).rejects.toThrow(/nothing was imported/);
    expect((await deckForEditor(iris, deckId))?.items).toHaveLength(shared.items.length);
  });

  it('shows every error of a broken zip, and imports nothing from it', async () => {
    const deckId = await newDeck(iris);
    const zip = zipSync({
      'mine/deck.yaml': strToU8('id: mine\ntitle: Mine\nauthor: Me\npublished: 2022-02-30\nsourceUrl: https://example.org\ndescription: D\nsections:\n  - id: intro\n    title: Intro\n    notes: N\n'),
      'mine/items/a.yaml': strToU8('- id: q1\n  type: basic\n  section: intro\n  front: F\n  back: B\n  evidence: { paragraph: p1 }\n- id: q2\n  type: mcq\n  section: elsewhere\n  question: Q\n  options: []\n  evidence: { paragraph: p2 }\n'),
    });
    const data = Buffer.from(zip).toString('base64');
    const preview = await previewDeckUpload(iris, { deckId, format: 'zip', data });
    expect(preview.errors).toEqual(['deck.yaml: published: is not a real date', 'items/a.yaml: q2: options: multiple choice needs 3 to 5 options', 'items/a.yaml: q2: options: multiple choice needs exactly one correct option, found 0']);
    await expect(importDeckUpload(iris, { deckId, format: 'zip', data }, T0)).rejects.toThrow(AuthoringError);
    expect((await deckForEditor(iris, deckId))?.items).toEqual([]);
  });

  it('refuses a hostile zip with a message, and another instructor’s deck', async () => {
    const deckId = await newDeck(iris);
    const data = Buffer.from(zipSync({ '../deck.yaml': strToU8('id: x') })).toString('base64');
    await expect(previewDeckUpload(iris, { deckId, format: 'zip', data })).rejects.toThrow(/leaves its folder/);
    await expect(previewDeckUpload(otto, { deckId, format: 'yaml', data: yaml })).rejects.toThrow(DeckNotFoundError);
    await expect(importDeckUpload(otto, { deckId, format: 'yaml', data: yaml }, T0)).rejects.toThrow(DeckNotFoundError);
  });
});
