/**
 * Extensions and co-instructors (issue 17), end to end: an instructor gives one student a later due
 * date and that student's Today, the dashboard row and the gradebook row change (the other
 * student's do not); an instructor adds a co-instructor who opens the class, and once removed gets 404.
 */
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { INSTRUCTOR, uniqueEmail } from './helpers';
import { createAssignment, createClass, signInAndWait, signUp, utcDatePlusDays } from './teach-helpers';

const DAY = 86_400_000;

/** The assignment was set five days ago and fell due yesterday (the form only takes future dates). */
function backdate(assignmentId: number) {
  const db = new Database('data/e2e.db', { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('UPDATE assignments SET created_at = ?, due_at = ? WHERE id = ?').run(Date.now() - 5 * DAY, Date.now() - DAY, assignmentId);
    db.prepare('UPDATE enrollments SET joined_at = ? WHERE class_id = (SELECT class_id FROM assignments WHERE id = ?)').run(Date.now() - 5 * DAY, assignmentId);
  } finally {
    db.close();
  }
}

async function studentWhoJoins(browser: Browser, name: string, code: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signUp(page, name, uniqueEmail(name.split(' ')[0]!.toLowerCase()));
  await page.goto(`/join/${code}`);
  await page.getByRole('button', { name: 'Join class' }).click();
  await expect(page.getByTestId('join-done')).toBeVisible();
  return page;
}

function csvRows(text: string): string[][] {
  // The names and dates here hold no commas or quotes, so a plain split reads them.
  return text.replace(/^\uFEFF/, '').trim().split('\r\n').map((line) => line.split(','));
}

test('an extension moves one student’s due date, status and gradebook row, and is removed again', async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000); // three accounts, five pages and a CSV: over a minute on a busy machine
  const className = `Extensions ${testInfo.project.name} ${Date.now() % 100000}`;
  await signInAndWait(page, INSTRUCTOR);
  const { classUrl, code } = await createClass(page, className);
  await createAssignment(page, { dueDate: utcDatePlusDays(3) });
  const editHref = (await page.getByRole('link', { name: 'Edit' }).first().getAttribute('href')) ?? '';
  const assignmentId = Number(editHref.split('/').pop());
  const ann = await studentWhoJoins(browser, 'Ann Extended', code);
  const bob = await studentWhoJoins(browser, 'Bob Ontime', code);
  backdate(assignmentId);

  // Before: both are late on the dashboard.
  await page.goto(classUrl);
  const row = (name: string) => page.getByTestId('student-table').getByRole('row').filter({ hasText: name });
  await expect(row('Ann Extended')).toContainText('Late');
  await expect(row('Bob Ontime')).toContainText('Late');

  // The instructor ticks Ann, types a date six days from now, and submits with Enter.
  await page.goto(editHref);
  const form = page.getByTestId('extension-form');
  await form.getByLabel('Ann Extended').check();
  const newDate = utcDatePlusDays(6);
  await form.getByLabel('New due date').fill(newDate);
  await form.getByLabel('Time', { exact: true }).fill('18:00');
  await form.getByLabel('Time', { exact: true }).press('Enter');
  await expect(form.getByTestId('form-ok')).toHaveText('Extended for 1 student.');
  const listed = page.getByTestId('extension-list');
  await expect(listed).toContainText('Ann Extended');
  await expect(listed).not.toContainText('Bob Ontime');
  await page.screenshot({ path: testInfo.outputPath('assignment-extensions.png'), fullPage: true });

  // Ann's Today shows her date and she is behind, no longer late; Bob's does not change.
  await ann.goto('/today');
  const annDue = ann.getByTestId('assignments-panel').getByTestId('assignment-due').filter({ hasText: className });
  await expect(annDue).toContainText('(extended for you)');
  await expect(annDue).toContainText('18:00');
  await expect(ann.getByTestId('assignments-panel').locator('li').filter({ hasText: className })).toContainText('Behind');
  await ann.screenshot({ path: testInfo.outputPath('today-extended.png'), fullPage: true });
  await bob.goto('/today');
  const bobItem = bob.getByTestId('assignments-panel').locator('li').filter({ hasText: className });
  await expect(bobItem).toContainText('Late');
  await expect(bobItem).not.toContainText('extended');

  // The dashboard: Ann is behind (5 of her 11 days gone, nothing studied), not late, with her date beside her name; Bob still late.
  await page.goto(classUrl);
  await expect(row('Ann Extended')).toContainText('(extended)');
  await expect(row('Ann Extended')).toContainText('Behind');
  await expect(row('Bob Ontime')).toContainText('Late');
  await expect(row('Bob Ontime')).not.toContainText('extended');
  await page.getByTestId('student-table').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('dashboard-extended.png'), fullPage: true });

  // The gradebook: Ann's status and due column change, Bob's do not.
  const csv = csvRows(await (await page.request.get(`${classUrl}/gradebook.csv`)).text());
  const [header, ...students] = csv;
  const status = header!.findIndex((h) => h.endsWith(': status'));
  const due = header!.findIndex((h) => h.endsWith(': due'));
  const annRow = students.find((r) => r[0] === 'Ann Extended');
  const bobRow = students.find((r) => r[0] === 'Bob Ontime');
  expect(annRow?.[status]).toBe('behind');
  expect(annRow?.[due]).toBe(`${newDate} 18:00`);
  expect(bobRow?.[status]).toBe('late');
  expect(bobRow?.[due]).not.toBe(`${newDate} 18:00`);

  // Removing it puts Ann back on the class's date.
  await page.goto(editHref);
  await page.getByTestId(/^remove-extension-\d+$/).click();
  await page.getByTestId(/^remove-extension-\d+-confirm$/).click();
  await expect(page.getByTestId('extension-list')).toHaveCount(0);
  await page.goto(classUrl);
  await expect(row('Ann Extended')).toContainText('Late');
  await expect(row('Ann Extended')).not.toContainText('extended');
});

/** A second instructor, made the way an administrator would (instructors can't sign up). */
function makeInstructor(email: string, password: string) {
  execFileSync('npx', ['tsx', 'scripts/user.mts', 'create', '--role', 'instructor', '--email', email, '--name', 'Cora Teacher', '--password', password], {
    env: { ...process.env, DATABASE_PATH: 'data/e2e.db' },
    stdio: 'pipe',
  });
}

test('an instructor adds a co-instructor who opens the class; once removed, they get 404', async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000); // creating the second instructor runs a script (tsx): slow on a busy machine
  const className = `Co-taught ${testInfo.project.name} ${Date.now() % 100000}`;
  const coEmail = uniqueEmail('co-instructor');
  makeInstructor(coEmail, 'co instructor password');
  await signInAndWait(page, INSTRUCTOR);
  const { classUrl } = await createClass(page, className);

  // An unknown email is refused with a clear message; the real one is added.
  const form = page.getByTestId('add-instructor-form');
  const email = form.getByLabel('Add an instructor by email');
  await email.fill('nobody-here@demo.test');
  await email.press('Enter');
  await expect(form).toContainText('Nobody has an account with that email.');
  await email.fill(coEmail);
  await email.press('Enter');
  await expect(form.getByTestId('form-ok')).toBeVisible();
  await expect(page.getByTestId('instructor-list')).toContainText(coEmail);
  await page.getByTestId('instructor-list').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('class-instructors.png'), fullPage: true });

  // The co-instructor sees the class on their Teach page and opens its dashboard (no Archive: owner only).
  const co = await (await browser.newContext()).newPage();
  await signInAndWait(co, { email: coEmail, password: 'co instructor password' });
  await co.goto('/teach');
  await co.getByRole('link', { name: className }).click();
  await expect(co).toHaveURL(new RegExp(`${classUrl}$`));
  await expect(co.getByRole('heading', { level: 1 })).toContainText(className);
  await expect(co.getByTestId('archive-class')).toHaveCount(0);
  await expect(co.getByTestId('instructor-list')).toContainText(INSTRUCTOR.email);

  // The owner removes them; their next request is a 404.
  await page.reload();
  await page.getByTestId(/^remove-instructor-\d+$/).click();
  await page.getByTestId(/^remove-instructor-\d+-confirm$/).click();
  await expect(page.getByTestId('instructor-list')).not.toContainText(coEmail);
  const response = await co.goto(classUrl);
  expect(response?.status()).toBe(404);
  await expect(co.locator('body')).not.toContainText(className);
  await co.goto('/teach');
  await expect(co.locator('body')).not.toContainText(className);
});
