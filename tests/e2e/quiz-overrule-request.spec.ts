/**
 * "I was right" in a quiz that counts (issues 11 and 16): the student's overrule is a request; the
 * score and the goal change only when the instructor accepts it, and the student sees the outcome.
 */
import { expect, test } from '@playwright/test';
import { INSTRUCTOR, uniqueEmail } from './helpers';
import { answerShown } from './quiz-helpers';
import { createClass, signInAndWait, signUp, utcDatePlusDays } from './teach-helpers';

test('a student asks, the instructor accepts, and the score and the goal follow', async ({ page, browser }, testInfo) => {
  test.setTimeout(150_000);
  await signInAndWait(page, INSTRUCTOR);
  const { classUrl, code } = await createClass(page, `Overrule seminar ${testInfo.project.name} ${Date.now()}`);
  // Introduction, quiz goal 80 %: every typed question of the section (6), one attempt.
  await page.getByTestId('new-assignment').click();
  await page.getByLabel('Deck', { exact: true }).selectOption('war-for-peace');
  await page.getByLabel('Chosen sections').check();
  await page.getByRole('checkbox', { name: 'Introduction' }).check();
  await page.getByLabel('Due date', { exact: true }).fill(utcDatePlusDays(7));
  await page.getByLabel('Quiz score to reach (%)').fill('80');
  const quiz = page.getByTestId('assignment-quiz');
  await quiz.getByLabel('Every question').check();
  for (const type of ['Multiple choice', 'True or false', 'Put in order']) await quiz.getByLabel(type).uncheck();
  await quiz.getByLabel('Attempts allowed').fill('1');
  await page.getByRole('button', { name: 'Create assignment' }).click();
  await expect(page.getByTestId('assignment-list')).toContainText('Quiz: all 6 questions · typed answer · 1 attempt · answers at the end');

  const context = await browser.newContext(testInfo.project.use);
  const student = await context.newPage();
  await signUp(student, 'Olive Overrule', uniqueEmail('ovr'));
  await student.goto(`/join/${code}`);
  await student.getByRole('button', { name: 'Join class' }).click();
  await expect(student.getByTestId('join-done')).toBeVisible();
  await student.goto('/today');
  await student.getByTestId('assignments-panel').getByRole('button', { name: 'Take the quiz (1 attempt left)' }).click();
  // Questions 2 and 5 wrong: 4 of 6, 67 %, under the goal.
  for (let n = 1; n <= 6; n++) {
    await expect(student.getByTestId('quiz-progress')).toHaveText(`Question ${n} of 6`);
    await answerShown(student, n !== 2 && n !== 5, n < 6 ? 'Save and continue' : 'Save and finish');
  }
  await expect(student.getByTestId('score-fraction')).toHaveText('4/6');
  const missed = student.getByTestId('missed-questions');
  await expect(missed.getByTestId('overrule-form')).toHaveCount(2);
  await missed.getByRole('button', { name: 'I was right: ask my instructor' }).first().click();
  await expect(missed.getByTestId('overrule-status')).toHaveText('You asked your instructor to accept this answer. It is waiting for them.');
  await expect(student.getByTestId('score-fraction')).toHaveText('4/6');
  await student.goto('/today');
  await expect(student.getByTestId('assignments-panel')).toContainText('(best 67 %;');

  // The instructor sees the request with the typed text and accepts it.
  await page.goto(classUrl);
  const requests = page.getByTestId('overrule-requests');
  await expect(requests.getByTestId('overrule-request')).toHaveCount(1);
  await expect(requests.getByTestId('overrule-typed')).toHaveText('surely not the answer');
  await expect(requests.getByTestId('overrule-same')).toHaveText('No other student typed this.');
  await expect(requests).toContainText('Accepted answers:');
  await requests.getByRole('button', { name: 'Accept', exact: true }).click();
  await expect(requests).toContainText('No requests waiting.');
  await expect(page.getByTestId('student-table').locator('td[data-label="Best quiz"]')).toHaveText('83 %');

  // The student sees the outcome: 5 of 6, the goal's quiz part met.
  await student.goBack();
  await student.reload();
  await expect(student.getByTestId('score-fraction')).toHaveText('5/6');
  await expect(missed.getByTestId('overrule-form')).toHaveCount(1);
  await student.goto('/today');
  await expect(student.getByTestId('assignments-panel')).toContainText('(best 83 %;');
  await context.close();
});
