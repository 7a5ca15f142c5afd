/**
 * Issue 17, on desktop and phone: with REQUIRE_EMAIL_VERIFICATION=1, a new student may study but
 * joining a class is refused (with "Resend verification mail"); the mail's link confirms the
 * address, and then the join works. The setting is read by the server, so this file starts a
 * second server on the same build and database (port E2E_PORT + 2) with it on, and stops it after.
 */
import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { demoJoinCode } from './db';
import { uniqueEmail } from './helpers';
import { e2eMailEnv, linkIn, mailTo } from './mail';
import { signUp } from './teach-helpers';

const PORT = Number(process.env.E2E_PORT || 3200) + 2;
const ORIGIN = `http://localhost:${PORT}`;
let server: ChildProcess | undefined;
const LINK = /http\S+\/verify-email\?token=[A-Za-z0-9_-]{43}/;

test.beforeAll(async () => {
  server = spawn(process.execPath, ['scripts/serve.mjs'], {
    stdio: 'ignore',
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', NODE_ENV: 'production', AUTH_TRUST_HOST: 'true', DATABASE_PATH: 'data/e2e.db', APP_URL: ORIGIN, REQUIRE_EMAIL_VERIFICATION: '1', ...e2eMailEnv() },
  });
  await expect
    .poll(async () => (await fetch(`${ORIGIN}/api/health`).then((r) => r.status, () => 0)), { timeout: 60_000 })
    .toBe(200);
});
test.afterAll(() => {
  server?.kill('SIGTERM');
});
test.use({ baseURL: ORIGIN });

test('sign up → join refused → mail → link → join works', async ({ page }) => {
  const email = uniqueEmail('verify');
  await signUp(page, 'Vic Verify', email);
  await expect(page).toHaveURL(/\/today$/);

  // Studying works; joining does not, yet.
  await page.goto(`/join/${await demoJoinCode()}`);
  await expect(page.getByTestId('join-error')).toContainText('Confirm your email address before you join a class');
  const resend = page.getByRole('button', { name: 'Resend verification mail' });
  await expect(resend).toBeVisible();

  const mail = await mailTo(email);
  expect(mail.subject).toBe('Confirm your email for Recall');
  const link = linkIn(mail, LINK);
  expect(link.startsWith(ORIGIN)).toBe(true);

  // Resending replaces the first link with a new one.
  await resend.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('form-ok')).toContainText('We have sent you a new link');
  const newLink = linkIn(await mailTo(email, 2), LINK);
  expect(newLink).not.toBe(link);

  await page.goto(link);
  const confirm = page.getByRole('button', { name: 'Confirm my email' });
  await confirm.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('form-error')).toContainText('expired or was already used');

  await page.goto(newLink);
  await expect(page.getByRole('heading', { name: 'Confirm your email' })).toBeVisible();
  await page.getByRole('button', { name: 'Confirm my email' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('form-ok')).toContainText('Your email address is confirmed');

  await page.goto(`/join/${await demoJoinCode()}`);
  const join = page.getByRole('button', { name: 'Join class' });
  await expect(join).toBeVisible();
  await join.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('join-done')).toContainText('You joined');
});
