/**
 * Forgot password, by keyboard, on desktop and phone: the mail is the .eml the embedded default
 * writes beside the e2e database (data/mail/); the real-SMTP path is tests/integration/mail.test.ts
 * and password-reset.test.ts. Following its link sets a new password and signs out a session that
 * was open in another browser; the old password stops working.
 */
import { expect, test } from '@playwright/test';
import { signIn, uniqueEmail } from './helpers';
import { mailTo } from './mail';

test('forgot password → mail → link → new password signs out the other session', async ({ page, browser }) => {
  const email = uniqueEmail('reset');
  const oldPassword = 'first long password';
  const newPassword = 'a brand new passphrase';
  await page.goto('/signup');
  await page.getByLabel('Your name').fill('Rita Reset');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(oldPassword);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/today$/);
  // This browser stays signed in: the reset must sign it out.
  const other = await browser.newContext();
  const otherPage = await other.newPage();

  await otherPage.goto('/signin');
  await otherPage.getByRole('link', { name: 'Forgot password?' }).focus();
  await otherPage.keyboard.press('Enter');
  await expect(otherPage).toHaveURL(/\/forgot-password$/);
  const asked = Date.now() - 1000;
  await otherPage.getByLabel('Email').fill(email);
  await otherPage.keyboard.press('Enter');
  await expect(otherPage.getByTestId('form-ok')).toContainText('If an account uses this address');

  const mail = await mailTo(email, asked);
  expect(mail.subject).toBe('Reset your Recall password');
  const link = /(http\S+\/reset-password\?token=[A-Za-z0-9_-]{43})/.exec(mail.text)?.[1];
  expect(link).toBeTruthy();

  await otherPage.goto(link!);
  await expect(otherPage.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await otherPage.getByLabel('New password', { exact: true }).fill(newPassword);
  await otherPage.keyboard.press('Tab');
  await otherPage.keyboard.type(newPassword);
  await otherPage.keyboard.press('Enter');
  await expect(otherPage).toHaveURL(/\/signin\?reset=1$/);
  await expect(otherPage.getByTestId('password-reset-done')).toBeVisible();

  // The session open before is gone.
  await page.goto('/today');
  await expect(page).toHaveURL(/\/signin/);

  // The link works once.
  await otherPage.goto(link!);
  await expect(otherPage.getByTestId('reset-link-dead')).toBeVisible();

  // The old password no longer works; the new one does.
  await signIn(otherPage, { email, password: oldPassword });
  await expect(otherPage.getByTestId('form-error')).toContainText('Email or password is incorrect.');
  await signIn(otherPage, { email, password: newPassword });
  await expect(otherPage).toHaveURL(/\/today$/);
  await other.close();
});

test('an unknown email gets the same answer; a bad link is a 404 with its own words', async ({ page }) => {
  await page.goto('/forgot-password');
  await page.getByLabel('Email').fill(uniqueEmail('nobody'));
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(page.getByTestId('form-ok')).toContainText('If an account uses this address');
  const response = await page.goto('/reset-password?token=' + 'A'.repeat(43));
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId('reset-link-dead')).toContainText('This link no longer works');
  await page.getByRole('link', { name: 'Ask for a new link' }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
});
