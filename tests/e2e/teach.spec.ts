/**
 * Teaching end to end: an instructor creates a class and an assignment, two new students join
 * (one by typing the code, one through the link while signed out), see the assignment on Today,
 * and the instructor sees them on the roster, in the analytics and in the gradebook CSV.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { INSTRUCTOR, uniqueEmail } from './helpers';
import { createAssignment, createClass, signInAndWait, signUp, utcDatePlusDays } from './teach-helpers';

/** Minimal RFC 4180 reader: quoted fields, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\n') {
      endField();
      rows.push(row);
      row = [];
    } else if (ch !== '\r') field += ch;
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

async function newStudentPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

test('instructor sets an assignment, students join by code and by link, and the instructor sees them', async ({ page, browser }, testInfo) => {
  const className = `Seminar ${testInfo.project.name} ${Date.now() % 100000}`;
  await signInAndWait(page, INSTRUCTOR);
  const { classUrl, code } = await createClass(page, className);
  await createAssignment(page, { dueDate: utcDatePlusDays(3) });
  await expect(page.getByTestId('assignment-list')).toContainText('War for Peace');

  // Student 1 signs up, then types the code (lower case, with the dash: both are fine).
  const typed = await newStudentPage(browser);
  const typedEmail = uniqueEmail('typed');
  await signUp(typed, 'Tess Typer', typedEmail);
  await typed.goto('/join');
  await typed.getByLabel('Class code').fill('WRONGCODE2');
  await typed.getByRole('button', { name: 'Continue' }).click();
  await expect(typed.getByText('No class has that code')).toBeVisible();
  await typed.getByLabel('Class code').fill(`${code.slice(0, 5)}-${code.slice(5)}`.toLowerCase());
  await typed.getByRole('button', { name: 'Continue' }).click();
  await expect(typed.getByTestId('join-question')).toHaveText(`Join ${className} taught by ${INSTRUCTOR.name}?`);
  await typed.getByRole('button', { name: 'Join class' }).click();
  await expect(typed.getByTestId('join-done')).toContainText(`You joined ${className}`);
  await typed.getByRole('link', { name: 'See your assignments on Today' }).click();
  const panel = typed.getByTestId('assignments-panel');
  await expect(panel).toContainText('War for Peace');
  await expect(panel).toContainText(className);
  await expect(panel.getByTestId('assignment-progress')).toHaveText(/^0 of \d+ cards studied$/);
  await expect(panel.locator('[data-status]')).toHaveText(/On track|Behind/);

  // Student 2 opens the link signed out, creates an account on the way, and lands back on it.
  const linked = await newStudentPage(browser);
  const linkedEmail = uniqueEmail('linked');
  await linked.goto(`/join/${code}`);
  await expect(linked).toHaveURL(/\/signin\?callbackUrl=/);
  await linked.getByRole('link', { name: 'Create an account' }).click();
  await signUp(linked, 'Lou Linker', linkedEmail, { alreadyOnPage: true });
  await expect(linked).toHaveURL(new RegExp(`/join/${code}$`));
  await linked.getByRole('button', { name: 'Join class' }).click();
  await expect(linked.getByTestId('join-done')).toBeVisible();
  // Opening the link again is harmless.
  await linked.goto(`/join/${code}`);
  await expect(linked.getByTestId('join-done')).toContainText('You are already in');
  await linked.goto('/today');
  await expect(linked.getByTestId('assignments-panel')).toContainText(className);

  // The instructor sees both on the roster and in the analytics.
  await page.goto(classUrl);
  const summary = page.getByTestId('roster-summary');
  await expect(summary).toContainText('Tess Typer');
  await expect(summary).toContainText('Lou Linker');
  const students = page.getByTestId('student-table');
  await expect(students.locator('tbody tr')).toHaveCount(2);
  await expect(students.locator('tbody tr').first()).toContainText('Lou Linker');
  await expect(students).toContainText(/0 \/ \d+/);
  // Above the table, how many students have each status: here two, neither done yet.
  const statuses = page.getByTestId('status-summary');
  const counted = await statuses.locator('li strong').allTextContents();
  expect(counted.map(Number).reduce((a, b) => a + b, 0)).toBe(2);
  await expect(statuses.getByTestId('status-count-done')).toHaveCount(0);
  // Items: the most forgotten first, 15 at a time, all on request.
  await expect(page.getByTestId('item-table').locator('tbody tr')).toHaveCount(15);
  const assignedCount = Number((await page.getByTestId('show-all-items').textContent())?.match(/\d+/)?.[0]);
  expect(assignedCount).toBeGreaterThan(100);
  await page.getByTestId('show-all-items').click();
  await expect(page.getByTestId('item-table').locator('tbody tr')).toHaveCount(assignedCount);
  await expect(page.getByTestId('section-table')).toContainText('Introduction');

  // Sorting by name the other way puts Tess first (headers on desktop, "Sort by" links on phones).
  await page.locator('#students a').filter({ hasText: /^Student/, visible: true }).first().click();
  await expect(page).toHaveURL(/sort=name&dir=desc/);
  await expect(page.getByTestId('student-table').locator('tbody tr').first()).toContainText('Tess Typer');

  // The gradebook downloads and has a row per student.
  const downloading = page.waitForEvent('download');
  await page.getByTestId('gradebook-link').click();
  const download = await downloading;
  const rows = parseCsv(readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, ''));
  expect(rows[0]?.slice(0, 3)).toEqual(['Student', 'Email', 'Joined']);
  expect(rows[0]?.some((h) => /War for Peace.*: status$/.test(h))).toBe(true);
  expect(rows).toHaveLength(3);
  const tess = rows.find((r) => r[1] === typedEmail);
  expect(tess?.[0]).toBe('Tess Typer');
  expect(tess?.[3]).toBe('0');
  expect(Number(tess?.[4])).toBeGreaterThan(0);
  expect(rows.find((r) => r[1] === linkedEmail)?.[0]).toBe('Lou Linker');

  // The full roster, with emails, is one click away; removing a student there takes them off the
  // roster and the assignment off their Today.
  await page.getByTestId('roster-link').click();
  await expect(page).toHaveURL(/\/roster$/);
  const roster = page.getByTestId('roster');
  await expect(roster).toContainText(typedEmail);
  await expect(roster).toContainText(linkedEmail);
  await roster.locator('tr', { hasText: 'Lou Linker' }).getByRole('button', { name: 'Remove' }).click();
  await page.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(roster).not.toContainText('Lou Linker');
  await expect(roster).toContainText('Tess Typer');
  await linked.reload();
  await expect(linked.getByTestId('assignments-panel')).toHaveCount(0);
});

test('a renewed code stops the old one; an archived class cannot be joined', async ({ page, browser }, testInfo) => {
  await signInAndWait(page, INSTRUCTOR);
  const { code: oldCode } = await createClass(page, `Renewals ${testInfo.project.name}`);
  await page.getByTestId('regenerate-code').click();
  await page.getByTestId('regenerate-code-confirm').click();
  await expect(page.getByTestId('join-code')).not.toHaveAttribute('data-code', oldCode);
  const newCode = (await page.getByTestId('join-code').getAttribute('data-code')) ?? '';

  const student = await newStudentPage(browser);
  await signUp(student, 'Rhea Renewed', uniqueEmail('renewed'));
  await student.goto(`/join/${oldCode}`);
  await expect(student.getByTestId('join-error')).toContainText('No class has that code');

  await page.getByTestId('archive-class').click();
  await page.getByTestId('archive-class-confirm').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Archived');
  await student.goto(`/join/${newCode}`);
  await expect(student.getByTestId('join-error')).toContainText('archived');

  await page.getByTestId('archive-class').click();
  await page.getByTestId('archive-class-confirm').click();
  await expect(page.getByRole('heading', { level: 1 })).not.toContainText('Archived');
  await student.goto(`/join/${newCode}`);
  await expect(student.getByTestId('join-question')).toBeVisible();
});
