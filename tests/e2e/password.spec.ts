import { expect, test } from '@playwright/test';
import { signIn, signOut, uniqueEmail } from './helpers';
import { NEW_PASSWORD_HINT } from '../../lib/validation/limits';

test('changing the password signs out the other sessions but keeps this one', async ({ page, browser }) => {
  const email = uniqueEmail('pw');
  const oldPassword = 'first long password';
  const newPassword = 'second long password';
  await page.goto('/signup');
  // Both forms state the rule the server enforces, guessability included, in the same words.
  await expect(page.getByText(NEW_PASSWORD_HINT)).toBeVisible();
  await page.getByLabel('Your name').fill('Pat Password');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(oldPassword);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/today$/);

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signIn(other, { email, password: oldPassword });
  await expect(other).toHaveURL(/\/today$/);

  await page.goto('/settings');
  await expect(page.getByText(NEW_PASSWORD_HINT)).toBeVisible();
  await expect(page.getByText(NEW_PASSWORD_HINT)).toContainText('not easy to guess');
  await page.getByLabel('Current password').fill('not my password!');
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByLabel('Repeat the new password').fill(newPassword);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('That is not your current password.')).toBeVisible();

  await page.getByLabel('Current password').fill(oldPassword);
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByLabel('Repeat the new password').fill(newPassword);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByTestId('form-ok')).toContainText('Password changed');

  await page.goto('/today');
  await expect(page).toHaveURL(/\/today$/);
  await other.goto('/today');
  await expect(other).toHaveURL(/\/signin/);
  await otherContext.close();

  await signOut(page);
  await signIn(page, { email, password: newPassword });
  await expect(page).toHaveURL(/\/today$/);
});
