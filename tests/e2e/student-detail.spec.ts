/**
 * One student in depth (issue 16, items 2 and 5): an instructor opens the class dashboard, then a
 * student with months of study and finished quizzes, by keyboard; the student page shows the same
 * figures as their dashboard row, their quiz attempts with every answer, and their activity; the
 * gradebook page shows the new columns and scrolls inside its box on a phone, not the page.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { INSTRUCTOR, uniqueEmail } from './helpers';
import { seedHistory } from './seed-history';
import { createAssignment, createClass, signInAndWait, signUp, utcDatePlusDays } from './teach-helpers';

const FIGURES = [
  ['Studied', 'studied'],
  ['Reviews 7 d', 'reviews'],
  ['Retention 30 d', 'retention'],
  ['Best quiz', 'quiz'],
  ['Recall at due', 'recall'],
  ['Last active', 'active'],
  ['Status', 'status'],
] as const;

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

async function rowFigures(page: Page, userId: number): Promise<Record<string, string>> {
  const row = page.getByTestId(`student-row-${userId}`);
  await expect(row).toBeVisible();
  const out: Record<string, string> = {};
  for (const [label, key] of FIGURES) out[key] = ((await row.locator(`td[data-label="${label}"]`).textContent()) ?? '').trim();
  return out;
}

test('the instructor opens a student from the dashboard and sees the same figures, every answer and their activity', async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000);
  await signInAndWait(page, INSTRUCTOR);
  const { classUrl, code } = await createClass(page, `Detail seminar ${testInfo.project.name} ${Date.now()}`);
  await createAssignment(page, { dueDate: utcDatePlusDays(10) });

  // A student joins, and has two months of study and three finished quizzes behind them.
  const context = await browser.newContext(testInfo.project.use);
  const student = await context.newPage();
  const email = uniqueEmail('detail');
  await signUp(student, 'Dana Detail', email);
  await student.goto(`/join/${code}`);
  await student.getByRole('button', { name: 'Join class' }).click();
  await expect(student.getByTestId('join-done')).toBeVisible();
  await context.close();
  const { userId } = await seedHistory(email, { days: 60, seed: 3 });

  await page.goto(classUrl);
  const row = await rowFigures(page, userId);
  expect(Number(row.reviews)).toBeGreaterThan(0);
  expect(row.active).not.toBe('Never');
  // The goals as ticks, with words: no quiz or memory goal on this assignment.
  await expect(page.getByTestId(`student-row-${userId}`).getByTestId('goal-ticks')).toContainText('Quiz: no goal');

  // Keyboard: focus the student's name and press Enter.
  const link = page.getByTestId(`student-link-${userId}`);
  await link.focus();
  await expect(link).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${classUrl}/students/${userId}$`));
  await expect(page.getByTestId('student-name')).toHaveText('Dana Detail');

  const panel = page.locator('[data-testid^="student-assignment-"]').first();
  for (const [, key] of FIGURES) await expect(panel.getByTestId(`detail-${key}`)).toHaveText(row[key]!);
  await expect(page.getByTestId('activity-summary')).not.toContainText(/^0 reviews/);
  await expect(panel.getByTestId('section-table').locator('tbody tr')).toHaveCount(6);

  // Three practice quizzes, newest first; the first opens with Enter and shows its five answers.
  const attempts = panel.getByTestId('attempt-list').locator(':scope > li');
  await expect(attempts).toHaveCount(3);
  for (const a of await attempts.all()) await expect(a).toHaveAttribute('data-kind', 'practice');
  const summary = attempts.first().locator('summary');
  await expect(summary).toContainText('Practice, not counted');
  await summary.focus();
  await expect(summary).toBeFocused();
  await page.keyboard.press('Enter');
  const answers = attempts.first().getByTestId('attempt-answer');
  await expect(answers).toHaveCount(5);
  await expect(answers.first()).toBeVisible();
  const verdicts = await answers.evaluateAll((els) => els.map((e) => e.getAttribute('data-correct')));
  expect(verdicts).toContain('true');
  expect(verdicts).toContain('false');
  await expect(summary).toContainText(`${verdicts.filter((v) => v === 'true').length} / 5`);
  for (const response of await attempts.first().getByTestId('answer-response').allTextContents()) expect(response).toMatch(/^(True|False)$/);
  expect(await seriousViolations(page), 'student page').toEqual([]);

  // The gradebook page: the new columns, the same reviews figure, a legend; it scrolls in its box.
  await page.goto(classUrl);
  await page.getByTestId('gradebook-page-link').click();
  await expect(page).toHaveURL(new RegExp(`${classUrl}/gradebook$`));
  const gradeRow = page.getByTestId(`gradebook-row-${userId}`);
  await expect(gradeRow.locator('td[data-col="reviews7d"]')).toHaveText(row.reviews!);
  await expect(gradeRow.locator('td[data-col="retention30"]')).toHaveText(row.retention!);
  await expect(gradeRow.locator('td[data-col="lastActive"]')).toHaveText(row.active!);
  await expect(page.getByTestId('gradebook-legend')).toContainText('true retention over the last 30 days');
  expect(await seriousViolations(page), 'gradebook page').toEqual([]);
  const widths = await page.evaluate(() => {
    const wrap = document.querySelector('.grade-wrap') as HTMLElement;
    return { page: document.documentElement.scrollWidth, view: document.documentElement.clientWidth, inner: wrap.scrollWidth, box: wrap.clientWidth };
  });
  expect(widths.page).toBeLessThanOrEqual(widths.view);
  if (testInfo.project.name === 'phone') expect(widths.inner).toBeGreaterThan(widths.box);
});
