/** Answering review cards the way a student does, with the right answer looked up in the e2e db. */
import { expect, type Page } from '@playwright/test';
import { payloadForPrompt } from './db';

/** Answers the card on screen correctly and grades it `grade` (by key on desktop, by tap on phone). Returns its prompt. */
export async function answerCardCorrectly(page: Page, grade: 1 | 2 | 3 | 4, isMobile: boolean): Promise<string> {
  const prompt = page.locator('.prompt').first();
  await expect(prompt).toBeVisible();
  const promptText = (await prompt.textContent()) ?? '';
  if (await page.getByTestId('reveal').isVisible()) {
    if (isMobile) await page.getByTestId('reveal').tap();
    else await page.keyboard.press('Space');
  } else {
    const payload = await payloadForPrompt(promptText);
    if (payload.type === 'typed') {
      await page.getByLabel('Your answer').fill(payload.answers[0] as string);
      await page.getByLabel('Your answer').press('Enter');
    } else if (payload.type === 'truefalse') {
      await page.getByTestId(payload.answer ? 'answer-true' : 'answer-false').click();
    } else if (payload.type === 'mcq') {
      await page.getByTestId('option').filter({ hasText: payload.options.find((o) => o.correct)?.text as string }).click();
    } else {
      throw new Error(`unexpected card type ${payload.type}`);
    }
    await expect(page.getByTestId('verdict')).toHaveText(/^Correct/);
  }
  await expect(page.getByTestId(`grade-${grade}`)).toBeVisible();
  if (isMobile) await page.getByTestId(`grade-${grade}`).tap();
  else await page.keyboard.press(String(grade));
  return promptText;
}
