import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { uniqueEmail } from './helpers';

async function signUp(page: Page) {
  await page.goto('/signup');
  await page.getByLabel('Your name').fill('Pia Progress');
  await page.getByLabel('Email').fill(uniqueEmail('progress'));
  await page.getByLabel('Password').fill('a long enough password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/today$/);
}

test('a new student sees an honest empty progress page and can download an empty history', async ({ page }) => {
  await signUp(page);
  await page.getByRole('link', { name: 'Progress', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Your progress' })).toBeVisible();
  await expect(page.getByTestId('progress-empty')).toContainText('No reviews yet');
  await expect(page.getByTestId('tile-streak')).toContainText('0 days');
  await expect(page.getByTestId('tile-retention-7')).toContainText('Not enough reviews yet');
  await expect(page.getByTestId('tile-retention-30')).toContainText('Not enough reviews yet');
  // No activity yet, so no heatmap or forecast, but every card of the deck shows as new.
  await expect(page.getByTestId('heatmap')).toHaveCount(0);
  await expect(page.getByTestId('mastery-war-for-peace')).toContainText(/0 mastered · 0 learning · \d+ new of \d+/);
  const noHorizontalScroll = await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
  expect(noHorizontalScroll).toBe(true);

  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('review-history.csv');
  const csv = await readFile((await download.path()) as string, 'utf8');
  const [header, ...rows] = csv.trim().split('\r\n');
  expect(header?.split(',')).toEqual(['card_id', 'item_id', 'deck_id', 'reviewed_at_iso', 'rating', 'state_before', 'duration_ms', 'source', 'undone']);
  expect(rows).toEqual([]);

  await page.getByRole('link', { name: 'Leeches' }).click();
  await expect(page.getByRole('heading', { name: 'Leeches and suspended cards' })).toBeVisible();
  await expect(page.getByTestId('leeches-empty')).toContainText('Nothing here');
});

test('study settings are saved, survive a reload, and a bad value gets a field error', async ({ page }) => {
  await signUp(page);
  await page.goto('/settings');
  const form = page.getByTestId('study-settings-form');
  await form.getByLabel('New cards per day').fill('5');
  await form.getByLabel('Desired retention').fill('0.85');
  await form.getByLabel('Time zone').selectOption('Asia/Tokyo');
  await form.getByLabel('A new study day starts at').selectOption('6');
  await form.getByText('Pass / fail').click();
  await form.getByRole('button', { name: 'Save study settings' }).click();
  await expect(form.getByTestId('form-ok')).toHaveText('Study settings saved.');

  await page.reload();
  await expect(form.getByLabel('New cards per day')).toHaveValue('5');
  await expect(form.getByLabel('Desired retention')).toHaveValue('0.85');
  await expect(form.getByLabel('Time zone')).toHaveValue('Asia/Tokyo');
  await expect(form.getByRole('radio', { name: /Pass \/ fail/ })).toBeChecked();

  await form.getByLabel('Desired retention').fill('0.99');
  await form.getByLabel('New cards per day').fill('7');
  await form.getByRole('button', { name: 'Save study settings' }).click();
  await expect(form.getByText('Choose a desired retention from 0.70 to 0.97.')).toBeVisible();
  await expect(form.getByLabel('Desired retention')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Desired retention')).toBeFocused();
  // What was typed stays in the form next to the error…
  await expect(form.getByLabel('Desired retention')).toHaveValue('0.99');
  // …and nothing was saved, not even the valid field.
  await page.reload();
  await expect(form.getByLabel('Desired retention')).toHaveValue('0.85');
  await expect(form.getByLabel('New cards per day')).toHaveValue('5');

  await page.goto('/progress');
  await expect(page.getByText('Days start at 06:00, Asia/Tokyo time.')).toBeVisible();
});
