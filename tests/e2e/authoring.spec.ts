import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { CSV_COLUMNS } from '../../lib/content/csv-layout';
import { parseDelimited } from '../../lib/content/import-csv';
import { INSTRUCTOR, signIn, STUDENT } from './helpers';

async function createDeck(page: Page, title: string) {
  await page.goto('/teach/decks');
  await page.getByRole('link', { name: 'New deck' }).click();
  await expect(page.getByRole('heading', { name: 'New deck' })).toBeVisible();
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Author of the reading').fill('Iris Instructor');
  await page.getByLabel('Source URL').fill('not a url');
  await page.getByLabel('Description').fill('Practice deck written in the browser.');
  await page.getByRole('button', { name: 'Create deck' }).click();
  // The URL is checked like in deck.yaml; the other fields keep what was typed.
  await expect(page.getByText('must be a full URL (https://...)')).toBeVisible();
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue(title);
  await page.getByLabel('Source URL').fill('https://example.org/war-for-peace');
  await page.getByRole('button', { name: 'Create deck' }).click();
  await expect(page.getByTestId('deck-title')).toHaveText(title);
  return page.url();
}

test('an instructor writes a deck, adds a multiple-choice item, imports TSV rows and exports CSV', async ({ page }) => {
  await signIn(page, INSTRUCTOR);
  await expect(page).toHaveURL(/\/today$/);
  const title = `Peacekeeping e2e ${Date.now()}`;
  const deckUrl = await createDeck(page, title);
  const deckId = new URL(deckUrl).pathname.split('/').pop()!;
  expect(deckId).toMatch(/^peacekeeping-e2e-\d+-[a-z0-9]{5}$/);

  // Add a multiple-choice item.
  await page.getByLabel('Type', { exact: true }).selectOption('mcq');
  await page.getByRole('button', { name: 'Add item' }).click();
  await expect(page.getByRole('heading', { name: 'New item: multiple choice' })).toBeVisible();
  const question = 'Which principle does the author say Russian peacekeepers break most often?';
  await page.getByLabel('Question', { exact: true }).fill(question);
  const options = [
    ['Consent of the parties', 'Moscow was invited in Kazakhstan, so consent was not the problem she stresses.'],
    ['Impartiality', 'Right: she says Russian peacekeepers take one side.'],
    ['Use of force only in self-defense', 'She mentions it, but partiality is her main charge.'],
  ];
  for (const [i, [text, why]] of options.entries()) {
    await page.getByLabel(`Option ${i + 1}`, { exact: true }).fill(text!);
    await page.getByLabel(`Explanation for option ${i + 1}`).fill(why!);
  }
  await page.getByLabel('Paragraph').fill('One-Sided Support, ¶1');
  await page.getByRole('button', { name: 'Save item' }).click();
  await expect(page.getByTestId('form-error')).toHaveText('Please correct the highlighted fields.');
  await expect(page.getByText('multiple choice needs exactly one correct option, found 0')).toBeVisible();
  await expect(page).toHaveURL(/\/items\/new/);

  // Options can be added up to five and removed down to three.
  await page.getByRole('button', { name: 'Add option' }).click();
  await expect(page.getByLabel('Option 4', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Remove option 4' }).click();
  await expect(page.getByLabel('Option 4', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Remove option/ })).toHaveCount(0);

  await page.getByLabel('Option 2 is correct').check();
  const preview = page.getByTestId('item-preview');
  await expect(preview).toContainText(question);
  await expect(preview.getByText('Correct', { exact: true })).toHaveCount(0);
  await preview.getByRole('button', { name: 'Show answer' }).click();
  await expect(preview.locator('li.is-correct')).toContainText('Impartiality');
  await expect(preview).toContainText('Right: she says Russian peacekeepers take one side.');
  await page.getByRole('button', { name: 'Save item' }).click();

  await expect(page.getByTestId('flash')).toHaveText('Item saved.');
  const row = page.getByTestId('item-row').filter({ hasText: question });
  await expect(row).toContainText('Multiple choice');

  // The saved item opens again with what was written.
  await row.getByRole('link').click();
  await expect(page.getByLabel('Option 2 is correct')).toBeChecked();
  await expect(page.getByLabel('Question', { exact: true })).toHaveValue(question);
  await page.getByRole('link', { name: 'Cancel' }).click();

  // Import three TSV rows, one of them bad.
  await page.getByRole('link', { name: 'Import CSV/TSV' }).click();
  await page.getByLabel('…or paste the rows').fill('Who chaired the CSTO in January 2022?\tNikol Pashinyan\tcsto\n\tA back without a front\nHow many troops arrived?\tAbout 2,500\tcsto troops\n');
  await page.getByRole('button', { name: 'Preview' }).click();
  const importRows = page.getByTestId('import-row');
  await expect(importRows).toHaveCount(3);
  await expect(importRows.nth(1)).toContainText('front is empty');
  await expect(page.getByTestId('import-preview')).toContainText('2 of 3 rows can be imported');
  await page.getByRole('button', { name: 'Import 2 valid rows' }).click();
  await expect(page.getByTestId('flash')).toHaveText('Imported 2 items.');
  await expect(page.getByTestId('item-row')).toHaveCount(3);
  await expect(page.getByTestId('item-row').filter({ hasText: 'How many troops arrived?' })).toContainText('Basic');

  // Export CSV and read it back.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).first().click()]);
  expect(download.suggestedFilename()).toBe(`${deckId}.csv`);
  const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
  const rows = parseDelimited(csv, ',').map((r) => r.cells);
  expect(rows[0]).toEqual([...CSV_COLUMNS]);
  expect(rows.slice(1).map((r) => [r[1], r[6], r[7]])).toEqual([
    ['mcq', question, 'Impartiality'],
    ['basic', 'Who chaired the CSTO in January 2022?', 'Nikol Pashinyan'],
    ['basic', 'How many troops arrived?', 'About 2,500'],
  ]);
  expect(rows[3]?.[5]).toBe('csto troops');
  expect(rows[1]?.[CSV_COLUMNS.indexOf('option 2 explanation')]).toBe('Right: she says Russian peacekeepers take one side.');
});

test('students cannot open the deck editor or export decks', async ({ page }) => {
  await signIn(page, STUDENT);
  await expect(page).toHaveURL(/\/today$/);
  await page.goto('/teach/decks');
  await expect(page.getByTestId('forbidden')).toBeVisible();
  const response = await page.request.get('/teach/decks/war-for-peace/export.csv');
  expect(response.status()).toBe(403);
  expect(await response.text()).not.toContain('prompt');
});

test('instructors may export the shared deck as YAML but not open it in the editor', async ({ page }) => {
  await signIn(page, INSTRUCTOR);
  await expect(page).toHaveURL(/\/today$/);
  const response = await page.request.get('/teach/decks/war-for-peace/export.yaml');
  expect(response.status()).toBe(200);
  const text = await response.text();
  expect(text).toContain('deck:\n  id: war-for-peace');
  expect(text).toContain('\nitems:\n');
  await page.goto('/teach/decks/war-for-peace');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('an instructor reorders sections, and deletes an item only after confirming', async ({ page }) => {
  await signIn(page, INSTRUCTOR);
  await expect(page).toHaveURL(/\/today$/);
  const deckUrl = await createDeck(page, `Sections e2e ${Date.now()}`);
  await page.getByText('Add a section', { exact: true }).click();
  await page.locator('#section-new-title').fill('Future Missions');
  await page.getByRole('button', { name: 'Add section' }).click();
  await expect(page.getByRole('heading', { name: '2. Future Missions' })).toBeVisible();
  await page.getByRole('button', { name: 'Move “Future Missions” up' }).click();
  await expect(page.getByRole('heading', { name: '1. Future Missions' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '2. Introduction' })).toBeVisible();

  // A cloze item: the button hides the selected words, and the preview shows one card per number.
  await page.goto(`${deckUrl}/items/new?type=cloze&section=future-missions`);
  const cloze = page.getByLabel('Cloze text');
  await cloze.fill('About 2,500 troops arrived in Kazakhstan.');
  await cloze.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(6, 11));
  await page.getByRole('button', { name: 'Hide selected words' }).click();
  await expect(cloze).toHaveValue('About {{c1::2,500}} troops arrived in Kazakhstan.');
  await cloze.fill('About {{c1::2,500}} troops arrived in {{c2::Kazakhstan::country}}.');
  const cards = page.getByTestId('preview-card');
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(1)).toContainText('About 2,500 troops arrived in [country].');
  await page.getByLabel('Paragraph').fill('Introduction, ¶1');
  await page.getByRole('button', { name: 'Save item' }).click();
  await expect(page.getByTestId('section-future-missions').getByTestId('item-row')).toContainText('Cloze');

  await page.goto(`${deckUrl}/items/new?type=truefalse&section=introduction`);
  await page.getByLabel('Statement').fill('The author expects no further Russian deployments.');
  await page.getByLabel('False').check();
  await page.getByLabel('Explanation', { exact: true }).fill('She calls another deployment "only a matter of time".');
  await page.getByLabel('Quote').fill('only a matter of time');
  await page.getByRole('button', { name: 'Save item' }).click();
  const row = page.getByTestId('item-row').filter({ hasText: 'no further Russian deployments' });
  await expect(row).toContainText('True/false');

  await row.getByRole('link').click();
  await page.getByRole('button', { name: 'Delete item' }).click();
  await page.getByRole('button', { name: 'Keep it' }).click();
  await expect(page.getByRole('button', { name: 'Yes, delete it' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Delete item' }).click();
  await page.getByRole('button', { name: 'Yes, delete it' }).click();
  await expect(page.getByTestId('flash')).toContainText('Item deleted.');
  await expect(page.getByTestId('section-introduction').getByTestId('item-row')).toHaveCount(0);
  await expect(page.getByTestId('item-row')).toHaveCount(1);
});
