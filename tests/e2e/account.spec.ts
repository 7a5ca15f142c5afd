/**
 * Issue 17, on desktop and phone: "Download my data" gives a zip that opens, whose review count
 * matches its history CSV and the database; "Delete my account" refuses a wrong password, deletes
 * with the right one (every device signed out, the class's roster without them), and the password
 * no longer signs in.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { e2eGet } from './db';
import { signIn, uniqueEmail } from './helpers';
import { seedHistory } from './seed-history';
import { signUp } from './teach-helpers';

const PASSWORD = 'a long enough password';

async function countOf(sql: string, ...args: unknown[]): Promise<number> {
  return (await e2eGet<{ n: number }>(sql, ...args))?.n ?? 0;
}

test('download my data, then delete my account', async ({ page, browser }) => {
  const email = uniqueEmail('leaver');
  await signUp(page, 'Lee Leaver', email);
  await seedHistory(email, { days: 20, joinDemoClass: true });
  const userId = await countOf('SELECT id AS n FROM users WHERE email = ?', email);
  const reviewsInDb = await countOf('SELECT count(*) AS n FROM review_logs WHERE user_id = ?', userId);
  expect(reviewsInDb).toBeGreaterThan(10);
  const othersInClass = await countOf("SELECT count(*) AS n FROM enrollments e JOIN classes c ON c.id = e.class_id WHERE c.name LIKE 'POLS 210%' AND e.user_id <> ?", userId);

  // A second browser stays signed in: deleting must end it too.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, { email, password: PASSWORD });
  await expect(otherPage).toHaveURL(/\/today$/);

  await page.goto('/settings');
  const link = page.getByTestId('data-export-link');
  await expect(link).toBeVisible();
  await link.focus();
  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^recall-data-\d{4}-\d{2}-\d{2}\.zip$/);
  const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
  expect(Object.keys(files).sort()).toEqual(['README.txt', 'data.json', 'review-history.csv']);
  const data = JSON.parse(strFromU8(files['data.json']!)) as { profile: { email: string }; reviews: unknown[]; enrolments: { className: string }[] };
  const csvLines = strFromU8(files['review-history.csv']!).trim().split(/\r?\n/);
  expect(data.profile.email).toBe(email);
  expect(data.reviews).toHaveLength(reviewsInDb);
  expect(csvLines.length - 1).toBe(reviewsInDb);
  expect(data.enrolments.map((e) => e.className).join()).toMatch(/POLS 210/);

  // Wrong password: refused, nothing deleted.
  const form = page.getByTestId('delete-account-form');
  await form.getByLabel('Your password').fill('not my password');
  await form.getByLabel('Type DELETE to confirm').fill('DELETE');
  await form.getByLabel('Type DELETE to confirm').press('Enter');
  await expect(form.getByText('That is not your password.')).toBeVisible();
  expect(await countOf('SELECT count(*) AS n FROM users WHERE id = ?', userId)).toBe(1);

  // The right one deletes everything.
  await form.getByLabel('Your password').fill(PASSWORD);
  await form.getByLabel('Your password').press('Tab');
  // The refused submit reset the form, as React does after an action: the word is typed again.
  await expect(form.getByLabel('Type DELETE to confirm')).toBeFocused();
  await page.keyboard.type('DELETE');
  await page.keyboard.press('Tab');
  await expect(form.getByRole('button', { name: 'Delete my account' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/signin\?signedOut=1&deleted=1$/);
  await expect(page.getByTestId('account-deleted')).toBeVisible();
  expect(await countOf('SELECT count(*) AS n FROM users WHERE email = ?', email)).toBe(0);
  expect(await countOf('SELECT count(*) AS n FROM review_logs WHERE user_id = ?', userId)).toBe(0);
  expect(await countOf('SELECT count(*) AS n FROM enrollments WHERE user_id = ?', userId)).toBe(0);
  expect(await countOf("SELECT count(*) AS n FROM enrollments e JOIN classes c ON c.id = e.class_id WHERE c.name LIKE 'POLS 210%'")).toBe(othersInClass);

  // The other browser is signed out, and the password no longer signs in.
  await otherPage.goto('/today');
  await expect(otherPage).toHaveURL(/\/signin/);
  await signIn(page, { email, password: PASSWORD });
  await expect(page.getByTestId('form-error')).toContainText('Email or password is incorrect.');
  await other.close();
});

test('an instructor is told what stands in the way', async ({ page }) => {
  await signIn(page, { email: 'instructor@demo.test', password: 'demo-instructor-pass' });
  await expect(page).toHaveURL(/\/teach|\/today/);
  await page.goto('/settings');
  const blocked = page.getByTestId('delete-blocked');
  await expect(blocked).toContainText('Your account cannot be deleted yet');
  await expect(blocked).toContainText('POLS 210');
  await expect(page.getByTestId('delete-account-form')).toHaveCount(0);
});
