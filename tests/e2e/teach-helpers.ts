/** Steps the teaching specs share: making a class and an assignment, signing up a student. */
import { expect, type Page } from '@playwright/test';
import { signIn } from './helpers';

/** A date `days` from now as the date input wants it, in UTC (the classes here use UTC). */
export function utcDatePlusDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

export async function createClass(page: Page, name: string): Promise<{ classUrl: string; classId: number; code: string }> {
  await page.goto('/teach');
  await page.getByLabel('Class name').fill(name);
  await page.getByLabel('Time zone for due dates').selectOption('UTC');
  await page.getByRole('button', { name: 'Create class' }).click();
  await expect(page).toHaveURL(/\/teach\/classes\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
  const code = (await page.getByTestId('join-code').getAttribute('data-code')) ?? '';
  expect(code).toMatch(/^[A-Z2-9]{10}$/);
  const classUrl = new URL(page.url()).pathname;
  return { classUrl, classId: Number(classUrl.split('/').pop()), code };
}

/** From a class page: assign the whole War for Peace deck, due at 23:59 UTC on `dueDate`. */
export async function createAssignment(page: Page, { dueDate }: { dueDate: string }) {
  await page.getByTestId('new-assignment').click();
  await expect(page.getByRole('heading', { name: 'New assignment' })).toBeVisible();
  await page.getByLabel('Deck', { exact: true }).selectOption('war-for-peace');
  await page.getByLabel('The whole deck').check();
  await page.getByLabel('Due date', { exact: true }).fill(dueDate);
  await page.getByLabel('Due time', { exact: true }).fill('23:59');
  await page.getByRole('button', { name: 'Create assignment' }).click();
  await expect(page).toHaveURL(/\/teach\/classes\/\d+$/);
}

export async function signUp(page: Page, name: string, email: string, { alreadyOnPage = false } = {}) {
  if (!alreadyOnPage) await page.goto('/signup');
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('a long enough password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).not.toHaveURL(/\/signup/);
}

/** Sign in and wait until it has landed (the shared helper only submits). */
export async function signInAndWait(page: Page, account: { email: string; password: string }) {
  await signIn(page, account);
  await expect(page).toHaveURL(/\/today$/);
}
