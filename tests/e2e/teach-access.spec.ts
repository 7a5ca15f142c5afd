/**
 * Who may open the teaching pages and the gradebook: a signed-out visitor is sent to sign in,
 * a student gets 403, an instructor of another class gets 404 — and nothing of the class shows.
 */
import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { INSTRUCTOR, STUDENT, uniqueEmail } from './helpers';
import { createAssignment, createClass, signInAndWait, utcDatePlusDays } from './teach-helpers';

/** A second instructor, made the way an administrator would (instructors can't sign up). */
function makeInstructor(email: string, password: string) {
  execFileSync('npx', ['tsx', 'scripts/user.mts', 'create', '--role', 'instructor', '--email', email, '--name', 'Olga Other', '--password', password], {
    env: { ...process.env, DATABASE_PATH: 'data/e2e.db' },
    stdio: 'pipe',
  });
}

async function teachingUrls(page: Page, className: string) {
  await signInAndWait(page, INSTRUCTOR);
  const { classId, classUrl } = await createClass(page, className);
  await createAssignment(page, { dueDate: utcDatePlusDays(3) });
  const editHref = (await page.getByRole('link', { name: 'Edit' }).first().getAttribute('href')) ?? '';
  expect(editHref).toMatch(/\/assignments\/\d+$/);
  return { classId, classUrl, pages: [classUrl, `${classUrl}/roster`, `${classUrl}/assignments/new`, editHref], csv: `${classUrl}/gradebook.csv` };
}

test('teaching pages and the gradebook refuse everyone but the class’s instructor', async ({ page, browser }, testInfo) => {
  const className = `Private seminar ${testInfo.project.name} ${Date.now() % 100000}`;
  const { pages, csv, classUrl } = await teachingUrls(page, className);
  const code = await page.getByTestId('join-code').getAttribute('data-code');

  // Signed out: every page goes to sign-in; the CSV redirects there too.
  const anonymous = await (await browser.newContext()).newPage();
  for (const url of pages) {
    await anonymous.goto(url);
    await expect(anonymous).toHaveURL(/\/signin\?callbackUrl=/);
  }
  const anonCsv = await anonymous.request.get(csv, { maxRedirects: 0 });
  expect([302, 303, 307]).toContain(anonCsv.status());
  expect(anonCsv.headers().location).toContain('/signin');

  // A student: 403 everywhere, with nothing of the class on the page.
  const student = await (await browser.newContext()).newPage();
  await signInAndWait(student, STUDENT);
  for (const url of ['/teach', ...pages]) {
    const response = await student.goto(url);
    expect(response?.status()).toBe(403);
    await expect(student.getByTestId('forbidden')).toBeVisible();
    await expect(student.locator('body')).not.toContainText(className);
  }
  const studentCsv = await student.request.get(csv);
  expect(studentCsv.status()).toBe(403);
  expect(await studentCsv.text()).not.toContain('Student,Email');

  // Another instructor: 404 for this class, and it is not in their list.
  const otherEmail = uniqueEmail('other-instructor');
  makeInstructor(otherEmail, 'other instructor password');
  const other = await (await browser.newContext()).newPage();
  await signInAndWait(other, { email: otherEmail, password: 'other instructor password' });
  await other.goto('/teach');
  await expect(other.getByTestId('teach-empty')).toBeVisible();
  await expect(other.locator('body')).not.toContainText(className);
  for (const url of pages) {
    const response = await other.goto(url);
    expect(response?.status()).toBe(404);
    await expect(other.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(other.locator('body')).not.toContainText(className);
    if (code) await expect(other.locator('body')).not.toContainText(code);
  }
  const otherCsv = await other.request.get(csv);
  expect(otherCsv.status()).toBe(404);

  // The class is unchanged: nobody joined, the code is the same.
  await page.goto(classUrl);
  await expect(page.getByTestId('roster-empty')).toBeVisible();
  await expect(page.getByTestId('join-code')).toHaveAttribute('data-code', code ?? '');
});
