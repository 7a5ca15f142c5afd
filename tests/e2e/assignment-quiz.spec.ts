/**
 * Assignment quizzes (issue 16, "Done when"): an instructor sets a quiz of 10 questions on one
 * section; a student's practice quiz on that section and a 2-question quiz on another section do
 * not count; the assignment's own quiz, started from Today with one tap, does, and Today, the
 * class dashboard and the gradebook agree on it.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { INSTRUCTOR, uniqueEmail } from './helpers';
import { answerShown } from './quiz-helpers';
import { createClass, signInAndWait, signUp, utcDatePlusDays } from './teach-helpers';

/** A practice quiz from the deck's quiz page over one section, every answer right; returns the score shown. */
async function practiceQuiz(page: Page, section: RegExp, count: number) {
  await page.goto('/quiz/war-for-peace');
  await expect(page.getByTestId('practice-note')).toContainText('never count toward an assignment');
  for (const box of await page.getByRole('checkbox').all()) await box.uncheck();
  await page.getByRole('checkbox', { name: section }).check();
  await page.getByLabel('Number of questions').fill(String(count));
  await page.getByRole('button', { name: 'Start quiz' }).click();
  await expect(page).toHaveURL(/\/quiz\/attempt\/\d+$/);
  for (let n = 1; n <= count; n++) {
    await expect(page.getByTestId('quiz-progress')).toHaveText(`Question ${n} of ${count}`);
    await answerShown(page, true, 'Check answer');
    await page.getByRole(n < count ? 'button' : 'link', { name: n < count ? 'Next question' : 'See your results' }).click();
  }
  await expect(page.getByTestId('score-percent')).toHaveText('100%');
}

/** The student's row on the class dashboard and in the gradebook CSV: best quiz and status. */
async function instructorSees(page: Page, classUrl: string, email: string) {
  await page.goto(classUrl);
  const row = page.getByTestId('student-table').locator('tbody tr');
  await expect(row).toHaveCount(1);
  const best = (await row.locator('td[data-label="Best quiz"]').textContent())?.trim();
  const status = (await row.locator('td[data-label="Status"]').textContent())?.trim();
  const downloading = page.waitForEvent('download');
  await page.getByTestId('gradebook-link').click();
  const csv = readFileSync(await (await downloading).path(), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(','));
  const header = csv[0] ?? [];
  const line = csv.find((r) => r[1] === email) ?? [];
  const at = (suffix: string) => line[header.findIndex((h) => h.endsWith(suffix))];
  return { best, status, csvBest: at(': best quiz %'), csvStatus: at(': status') };
}

test('only the assignment quiz counts toward its goal, and Today, the dashboard and the gradebook agree', async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000);
  await signInAndWait(page, INSTRUCTOR);
  const { classUrl, code } = await createClass(page, `Quiz seminar ${testInfo.project.name} ${Date.now()}`);

  // The instructor sets the assignment: Introduction only, quiz goal 80 %, a quiz of 10 questions, 2 attempts.
  await page.getByTestId('new-assignment').click();
  await page.getByLabel('Deck', { exact: true }).selectOption('war-for-peace');
  await page.getByLabel('Chosen sections').check();
  await page.getByRole('checkbox', { name: 'Introduction' }).check();
  await page.getByLabel('Due date', { exact: true }).fill(utcDatePlusDays(7));
  await page.getByLabel('Due time', { exact: true }).fill('23:59');
  await expect(page.getByTestId('assignment-quiz')).toHaveCount(0);
  await page.getByLabel('Quiz score to reach (%)').fill('80');
  const quiz = page.getByTestId('assignment-quiz');
  await expect(quiz).toBeVisible();
  await expect(quiz.getByLabel('The assignment’s sections')).toBeChecked();
  await expect(quiz.getByLabel('Questions per attempt')).toHaveValue('10');
  // Out of bounds is refused with a message, nothing saved.
  await quiz.getByLabel('Attempts allowed').fill('0');
  await page.getByRole('button', { name: 'Create assignment' }).click();
  await expect(page.getByText('Allow 1 to 20 attempts, or leave it empty for no limit.')).toBeVisible();
  // Keyboard: into the attempts box, type 2, Tab on to the types, Space unticks and ticks one again.
  await quiz.getByLabel('Attempts allowed').focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('2');
  await quiz.getByLabel('Multiple choice').focus();
  await page.keyboard.press('Space');
  await expect(quiz.getByLabel('Multiple choice')).not.toBeChecked();
  await page.keyboard.press('Space');
  await expect(quiz.getByLabel('Multiple choice')).toBeChecked();
  await expect(quiz.getByLabel('At the end of the quiz')).toBeChecked();
  await page.getByRole('button', { name: 'Create assignment' }).click();
  await expect(page).toHaveURL(/\/teach\/classes\/\d+$/);
  await expect(page.getByTestId('assignment-list')).toContainText('Quiz: 10 questions · 2 attempts · answers at the end');

  // A new student joins through the link.
  const context = await browser.newContext(testInfo.project.use);
  const student = await context.newPage();
  const email = uniqueEmail('aq');
  await signUp(student, 'Quinn Assigned', email);
  await student.goto(`/join/${code}`);
  await student.getByRole('button', { name: 'Join class' }).click();
  await expect(student.getByTestId('join-done')).toBeVisible();

  // A practice quiz on Introduction (10 of 10 right) and a 2-question quiz on Future Missions? (2 of 2) do not count.
  await practiceQuiz(student, /^Introduction/, 10);
  await practiceQuiz(student, /^Future Missions\?/, 2);
  await student.goto('/today');
  const panel = student.getByTestId('assignments-panel');
  await expect(panel).toContainText('Quiz goal 80 % (best –; 10 questions · 2 attempts · answers at the end)');
  expect(await instructorSees(page, classUrl, email)).toMatchObject({ best: '–', csvBest: '' });

  // The assignment quiz, one tap from Today: 10 questions on Introduction, answers at the end; 9 right.
  await panel.getByRole('button', { name: 'Take the quiz (2 attempts left)' }).click();
  await expect(student).toHaveURL(/\/quiz\/attempt\/\d+$/);
  for (let n = 1; n <= 10; n++) {
    await expect(student.getByTestId('quiz-progress')).toHaveText(`Question ${n} of 10`);
    const { card } = await answerShown(student, n !== 4, n < 10 ? 'Save and continue' : 'Save and finish');
    expect(card.sectionKey).toBe('intro');
  }
  await expect(student).toHaveURL(/\/result$/);
  await expect(student.getByTestId('score-fraction')).toHaveText('9/10');

  await student.goto('/today');
  await expect(panel).toContainText('Quiz goal 80 % (best 90 %;');
  await expect(panel.getByRole('button', { name: 'Take the quiz again (1 attempt left)' })).toBeVisible();
  const todayStatus = (await panel.locator('.badge').first().textContent())?.trim();
  const seen = await instructorSees(page, classUrl, email);
  expect(seen).toMatchObject({ best: '90 %', csvBest: '90' });
  expect(seen.status).toBe(todayStatus);
  expect(seen.csvStatus).toBe(todayStatus?.toLowerCase());
  await context.close();
});
