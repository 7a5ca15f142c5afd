// A second Preview in the same import form answers for the second text, not the first.
import { expect, test } from '@playwright/test';
import { INSTRUCTOR } from './helpers';
import { signInAndWait } from './teach-helpers';

test('preview, edit the rows, preview again: the second preview answers for the new rows', async ({ page }) => {
  await signInAndWait(page, INSTRUCTOR);
  await page.goto('/teach/decks/new');
  const title = `Twice ${Date.now()}`;
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Author of the reading').fill('Iris Instructor');
  await page.getByLabel('Source URL').fill('https://example.org/war-for-peace');
  await page.getByLabel('Description').fill('Two previews in a row.');
  await page.getByLabel('Section title').fill('First');
  await page.getByRole('button', { name: 'Create deck' }).click();
  await expect(page.getByTestId('deck-title')).toHaveText(title);
  await page.goto(`${new URL(page.url()).pathname}/import`);
  const box = page.getByLabel('…or paste the rows');
  await box.fill('front one\tback one\nfront two\t');
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByTestId('import-preview')).toContainText('1 of 2 rows can be imported');
  await box.fill('front one\tback one\nfront two\tback two\nfront three\tback three');
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByTestId('import-preview')).toContainText('3 of 3 rows can be imported');
});
