import { expect, type Page } from '@playwright/test';

export const STUDENT = { email: 'student@demo.test', password: 'demo-student-pass', name: 'Sam Student' };
export const INSTRUCTOR = { email: 'instructor@demo.test', password: 'demo-instructor-pass', name: 'Iris Instructor' };

export async function signIn(page: Page, account: { email: string; password: string }, path = '/signin') {
  await page.goto(path);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signOut(page: Page) {
  await page.getByTestId('sign-out').click();
  await expect(page).toHaveURL(/\/signin/);
}

export function uniqueEmail(prefix: string) {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;
}
