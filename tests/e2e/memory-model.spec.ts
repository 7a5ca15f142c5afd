/**
 * A student with a long history fits FSRS to their reviews from the settings page: the parameters
 * in use switch from the defaults to personal ones, with the figures of the check, and the
 * workload of each desired retention can be compared.
 */
import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { uniqueEmail } from './helpers';

test('a student with months of reviews fits the scheduler to them and sees what it changed', async ({ page }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail('fit');
  await page.goto('/signup');
  await page.getByLabel('Your name').fill('Fiona Fit');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('a long enough password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/today$/);
  const seeded = JSON.parse(
    execFileSync('npx', ['tsx', '--conditions', 'react-server', 'tests/support/seed-simulated-history.mts', 'data/e2e.db', email, '600', '7'], { encoding: 'utf8' }).trim(),
  ) as { reviews: number };
  expect(seeded.reviews).toBeGreaterThan(1500);

  await page.goto('/settings');
  const model = page.getByTestId('memory-model');
  await expect(model.getByTestId('parameters-source')).toHaveText('FSRS defaults');
  await expect(model.getByTestId('true-retention')).toContainText('desired 90%');

  // Keyboard: Tab to the button and press Enter, as a keyboard user would.
  await model.getByRole('button', { name: 'Fit now' }).focus();
  await page.keyboard.press('Enter');
  await expect(model.getByTestId('form-ok')).toContainText('predicted your latest reviews better', { timeout: 30_000 });
  await expect(model.getByTestId('parameters-source')).toHaveText('Fitted to your reviews');
  await expect(model.getByTestId('fit-metrics')).toContainText(/Log loss 0\.\d{3} → 0\.\d{3} · RMSE 0\.\d{3} → 0\.\d{3}/);
  await expect(model.getByTestId('last-fit')).toContainText('now in use');

  // A second fit straight away is refused with a reason, not run.
  await model.getByRole('button', { name: 'Fit now' }).click();
  await expect(model.getByTestId('form-error')).toContainText('less than a minute ago');

  await model.getByRole('button', { name: 'What does each desired retention cost?' }).click();
  const table = model.getByTestId('workload');
  await expect(table.getByRole('row')).toHaveCount(5);
  await expect(table.locator('tr[aria-current="true"]')).toContainText('90% (yours)');

  const fits = page.viewportSize()!.width < 500;
  if (fits) expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);

  // Going back to the defaults replays the cards again and says so on the page.
  await model.getByRole('button', { name: 'Use the pooled or default parameters' }).click();
  await expect(model.getByTestId('parameters-source')).toHaveText('FSRS defaults');
});
