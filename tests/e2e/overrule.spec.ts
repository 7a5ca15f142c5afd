/**
 * "I was right" (issue 11): a wrong typed answer shows the student's answer beside the accepted
 * one; the student overrules it with the keyboard and grades it as they choose; the instructor
 * then finds that answer, with the overrule, in the class analytics.
 */
import { expect, test } from '@playwright/test';
import { payloadForPrompt, reviewLogsOf } from './db';
import { INSTRUCTOR, signIn, signOut, STUDENT } from './helpers';

test('a student overrules a wrong typed answer and the instructor sees it in the item view', async ({ page, isMobile }, testInfo) => {
  test.setTimeout(150_000);
  // One wrong answer per project: desktop and phone share the e2e database and its demo student.
  const WRONG = `Kassym Nazarbayev ${testInfo.project.name}`;
  await signIn(page, STUDENT);
  await expect(page).toHaveURL(/\/today$/);
  await page.goto('/review/war-for-peace');
  // Grade cards until a typed one comes up.
  for (let guard = 0; guard < 25; guard++) {
    const prompt = page.locator('.prompt').first();
    await expect(prompt).toBeVisible();
    if (await page.getByLabel('Your answer').isVisible()) break;
    if (await page.getByTestId('reveal').isVisible()) await page.getByTestId('reveal').click();
    else {
      const payload = await payloadForPrompt(((await prompt.textContent()) ?? '').trim());
      if (payload.type === 'truefalse') await page.getByTestId(payload.answer ? 'answer-true' : 'answer-false').click();
      else if (payload.type === 'mcq') await page.getByTestId('option').filter({ hasText: payload.options.find((o) => o.correct)?.text as string }).click();
    }
    await page.getByTestId('grade-3').click();
  }
  const box = page.getByLabel('Your answer');
  await expect(box).toBeVisible();
  await expect(page.getByTestId('sync-status')).toHaveText('All saved');
  const before = (await reviewLogsOf(STUDENT.email)).length;
  await box.fill(WRONG);
  await box.press('Enter');
  await expect(page.getByTestId('verdict')).toContainText('Not quite');
  await expect(page.getByTestId('typed-answer')).toHaveText(WRONG);
  await expect(page.getByTestId('accepted-answer')).not.toBeEmpty();
  await expect(page.getByTestId('answer-compare').locator('del, ins').first()).toBeVisible();
  await expect(page.getByTestId('grade-3')).toHaveCount(0);

  if (isMobile) await page.getByTestId('overrule').tap();
  else {
    await page.getByTestId('overrule').focus();
    await page.keyboard.press('Enter');
  }
  await expect(page.getByTestId('verdict')).toContainText('You marked your answer right');
  await expect(page.getByTestId('grade-4')).toBeVisible();
  if (isMobile) await page.getByTestId('grade-2').tap();
  else {
    await page.getByTestId('grade-2').focus();
    await page.keyboard.press('Enter');
  }
  await expect(page.getByTestId('announce')).toHaveText(/^Graded Hard\./);
  await expect.poll(async () => (await reviewLogsOf(STUDENT.email)).length).toBe(before + 1);
  expect((await reviewLogsOf(STUDENT.email)).at(-1)?.rating).toBe(2);

  await page.goto('/today');
  await signOut(page);
  await signIn(page, INSTRUCTOR);
  await expect(page).not.toHaveURL(/\/signin/);
  await page.goto('/teach');
  await page.getByRole('link', { name: /POLS 210/ }).first().click();
  const typed = page.getByTestId('typed-answers');
  await expect(typed).toBeVisible();
  const row = typed.getByTestId('wrong-answer').filter({ hasText: WRONG });
  await expect(row).toBeVisible();
  await expect(row.getByTestId('overrule-count')).toHaveText('1');
  // The article's deck is shared, not the instructor's: no answer can be added to it from here.
  await expect(row.getByTestId('accept-answer')).toHaveCount(0);
});
