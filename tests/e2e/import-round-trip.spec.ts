/**
 * Import without loss (issue 16 item 6), in Chromium as an instructor works: a deck with every item
 * type is brought in from a YAML deck file, its CSV is exported through the download link and
 * imported into a new deck through the import page, and the two decks' items are identical. A bad
 * row and a bad deck file show their errors before anything is saved.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { deckToYaml } from '../../lib/content/export-yaml';
import { ROUND_TRIP_ITEMS, ROUND_TRIP_SECTIONS } from '../support/every-item-type';
import { INSTRUCTOR, signIn } from './helpers';

const SHOTS = process.env.SCREENSHOT_DIR;

async function newDeck(page: Page, title: string, sectionTitle: string): Promise<string> {
  await page.goto('/teach/decks/new');
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Author of the reading').fill('Iris Instructor');
  await page.getByLabel('Source URL').fill('https://example.org/war-for-peace');
  await page.getByLabel('Description').fill('A deck with every item type.');
  await page.getByLabel('Section title').fill(sectionTitle);
  await page.getByRole('button', { name: 'Create deck' }).click();
  await expect(page.getByTestId('deck-title')).toHaveText(title);
  return new URL(page.url()).pathname.split('/').pop()!;
}

async function openImport(page: Page) {
  await page.getByRole('link', { name: 'Import CSV/TSV or deck file' }).click();
  await expect(page.getByRole('heading', { name: 'Import items' })).toBeVisible();
}

const itemsOf = async (page: Page, deckId: string) => {
  const response = await page.request.get(`/teach/decks/${deckId}/export.yaml`);
  expect(response.status()).toBe(200);
  return (parse(await response.text()) as { items: unknown[] }).items;
};

const fixtureYaml = (stamp: number, published = '2022-01-24') =>
  deckToYaml(
    { id: `every-type-${stamp}`, title: 'Every type', author: 'Anna Borshchevskaya', published, sourceUrl: 'https://example.org/war-for-peace', description: 'Every item type.', sections: ROUND_TRIP_SECTIONS },
    ROUND_TRIP_ITEMS,
    new Date('2026-12-01T00:00:00Z'),
  );

test('a deck with every item type survives CSV export and import; deck files and bad rows show their errors first', async ({ page }, info) => {
  const shot = (name: string) => (SHOTS ? page.screenshot({ path: `${SHOTS}/${info.project.name}-${name}.png`, fullPage: true }) : Promise.resolve());
  const stamp = Date.now();
  await signIn(page, INSTRUCTOR);
  await expect(page).toHaveURL(/\/today$/);

  // 1. A deck file with an error is refused with the error content:check would print.
  const source = await newDeck(page, `Every type ${stamp}`, 'Introduction');
  await openImport(page);
  const deckFile = page.getByLabel('Deck file (.yaml, .zip)');
  await deckFile.setInputFiles({ name: 'broken.yaml', mimeType: 'application/yaml', buffer: Buffer.from(fixtureYaml(stamp, '2022-02-30')) });
  await page.getByRole('button', { name: 'Check file' }).click();
  await expect(page.getByTestId('deck-file-errors')).toContainText('deck.yaml: published: is not a real date');
  await expect(page.getByTestId('deck-file-preview')).toContainText('1 error: fix the file and check it again. Nothing has been saved.');
  await expect(page.getByRole('button', { name: /^Import \d+ items?$/ })).toHaveCount(0);
  await shot('deck-file-errors');

  // 2. The good file: previewed item by item, then imported.
  await deckFile.setInputFiles({ name: 'every-type.yaml', mimeType: 'application/yaml', buffer: Buffer.from(fixtureYaml(stamp)) });
  await page.getByRole('button', { name: 'Check file' }).click();
  await expect(page.getByTestId('deck-file-item')).toHaveCount(ROUND_TRIP_ITEMS.length);
  await expect(page.getByTestId('deck-file-preview')).toContainText('Adds 1 section: One-Sided Support.');
  await shot('deck-file-preview');
  const importItems = page.getByRole('button', { name: `Import ${ROUND_TRIP_ITEMS.length} items` });
  await importItems.focus();
  await expect(importItems).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('flash')).toHaveText(`Imported ${ROUND_TRIP_ITEMS.length} items.`);
  const sourceItems = await itemsOf(page, source);
  expect(new Set(sourceItems.map((i) => (i as { type: string }).type))).toEqual(new Set(['basic', 'cloze', 'mcq', 'truefalse', 'typed', 'ordering']));

  // 3. Export the CSV through the download link.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).first().click()]);
  expect(download.suggestedFilename()).toBe(`${source}.csv`);
  const csv = readFileSync((await download.path())!, 'utf8');

  // 4. Into a new deck through the import page: first with a bad row added, which shows its error.
  const copy = await newDeck(page, `Copy ${stamp}`, 'First');
  await openImport(page);
  const badRow = 'x,truefalse,introduction,Introduction,recall,,The troops stayed.,maybe,They left.\r\n';
  await page.getByLabel('Upload a file (.txt, .tsv, .csv)').setInputFiles({ name: `${source}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv + badRow) });
  await expect(page.getByLabel('…or paste the rows')).not.toHaveValue('');
  await page.getByRole('button', { name: 'Preview' }).click();
  const rows = page.getByTestId('import-row');
  await expect(rows).toHaveCount(ROUND_TRIP_ITEMS.length + 1);
  await expect(rows.last()).toContainText('answer: must be true or false');
  await expect(page.getByTestId('import-preview')).toContainText(`${ROUND_TRIP_ITEMS.length} of ${ROUND_TRIP_ITEMS.length + 1} rows can be imported`);
  await shot('csv-preview');

  // The file as exported, chosen again in the same form (same name, edited since): every row imports.
  // The file is read asynchronously: wait until its text (without the bad row) is in the box.
  await page.getByLabel('Upload a file (.txt, .tsv, .csv)').setInputFiles({ name: `${source}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByLabel('…or paste the rows')).not.toHaveValue(/The troops stayed\./);
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByTestId('import-preview')).toContainText(`${ROUND_TRIP_ITEMS.length} of ${ROUND_TRIP_ITEMS.length} rows can be imported`, { timeout: 30_000 });
  await page.getByRole('button', { name: `Import ${ROUND_TRIP_ITEMS.length} valid rows` }).click();
  await expect(page.getByTestId('flash')).toHaveText(`Imported ${ROUND_TRIP_ITEMS.length} items.`);

  // Identical items, field by field (the YAML export writes every field of every item).
  expect(await itemsOf(page, copy)).toEqual(sourceItems);
});
