import { expect, test, type Page } from '@playwright/test';
import { uniqueEmail } from './helpers';
import { answerShown, expectEvidence } from './quiz-helpers';

async function signUp(page: Page, name: string) {
  await page.goto('/signup');
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email').fill(uniqueEmail('quiz'));
  await page.getByLabel('Password').fill('a long enough password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/today$/);
}

test('a student takes a quiz with feedback after each question and reviews what they missed', async ({ page }) => {
  await signUp(page, 'Quinn Quiz');
  await page.goto('/quiz/war-for-peace');
  await expect(page.getByRole('checkbox')).toHaveCount(6);
  for (const box of await page.getByRole('checkbox').all()) await expect(box).toBeChecked();
  await expect(page.getByRole('radio', { name: /Right after each question/ })).toBeChecked();
  await page.getByLabel('Number of questions').fill('5');
  await page.getByRole('button', { name: 'Start quiz' }).click();
  await expect(page).toHaveURL(/\/quiz\/attempt\/\d+$/);

  const missedPrompts: string[] = [];
  const missedQuotes: number[] = [];
  for (let n = 1; n <= 5; n++) {
    await expect(page.getByTestId('quiz-progress')).toHaveText(`Question ${n} of 5`);
    const right = n !== 2 && n !== 4;
    const { card, rightAnswer } = await answerShown(page, right, 'Check answer');
    const feedback = page.getByTestId('quiz-feedback');
    await expect(page.getByTestId('quiz-verdict')).toHaveText(right ? /Correct/ : /Not quite/);
    await expect(page.getByTestId('quiz-announcement')).toHaveText(right ? 'Correct.' : /^Not quite\. The right answer is: /);
    await expect(feedback).toContainText(rightAnswer);
    await expectEvidence(feedback, card);
    await expect(feedback.getByRole('link', { name: 'Read the notes for this section' })).toHaveAttribute('href', `/decks/war-for-peace/notes#${card.sectionKey}`);
    if (!right) {
      missedPrompts.push(card.prompt);
      missedQuotes.push(card.evidenceQuote ? 1 : 0);
    }
    await page.getByRole(n < 5 ? 'button' : 'link', { name: n < 5 ? 'Next question' : 'See your results' }).click();
  }

  await expect(page).toHaveURL(/\/quiz\/attempt\/\d+\/result$/);
  await expect(page.getByTestId('score-fraction')).toHaveText('3/5');
  await expect(page.getByTestId('score-percent')).toHaveText('60%');
  const missed = page.getByTestId('missed-questions');
  await expect(missed.getByRole('article')).toHaveCount(2);
  for (const prompt of missedPrompts) await expect(missed).toContainText(prompt);
  // Each missed question shows its passage: the quote where the item has one, else its paragraph reference.
  await expect(missed.getByTestId('evidence-quote')).toHaveCount(missedQuotes.reduce((a, b) => a + b, 0));
  await expect(missed.getByTestId('evidence-ref')).toHaveCount(2 - missedQuotes.reduce((a, b) => a + b, 0));
  await expect(missed.getByRole('link', { name: 'Read the notes for this section' })).toHaveCount(2);
  const rightOnes = page.getByTestId('right-questions').locator('details');
  await expect(rightOnes).toHaveCount(3);
  const firstRight = rightOnes.first().getByTestId(/^evidence-(quote|ref)$/);
  await expect(firstRight).toBeHidden();
  await rightOnes.first().locator('summary').click();
  await expect(firstRight).toBeVisible();

  await page.getByRole('link', { name: 'Take another quiz' }).click();
  await expect(page.getByTestId('past-attempts')).toContainText('3/5 · 60%');
});

test('with answers at the end, a quiz over one section resumes after a reload and shows the results at the end', async ({ page }) => {
  await signUp(page, 'Robin Resume');
  await page.goto('/quiz/war-for-peace');
  for (const box of await page.getByRole('checkbox').all()) await box.uncheck();
  await page.getByRole('button', { name: 'Start quiz' }).click();
  await expect(page.getByText('Choose at least one section.')).toBeVisible();
  await page.getByRole('checkbox', { name: /Introduction/ }).check();
  await page.getByLabel('Number of questions').fill('3');
  await page.getByRole('radio', { name: /At the end/ }).check();
  await page.getByRole('button', { name: 'Start quiz' }).click();
  await expect(page).toHaveURL(/\/quiz\/attempt\/\d+$/);

  await expect(page.getByTestId('quiz-progress')).toHaveText('Question 1 of 3');
  const first = await answerShown(page, true, 'Save and continue');
  expect(first.card.sectionKey).toBe('intro');
  await expect(page.getByTestId('quiz-progress')).toHaveText('Question 2 of 3');
  await expect(page.getByTestId('quiz-feedback')).toHaveCount(0);

  await page.reload();
  await expect(page.getByTestId('quiz-progress')).toHaveText('Question 2 of 3');
  const second = await answerShown(page, false, 'Save and continue');
  expect(second.card.sectionKey).toBe('intro');
  await expect(page.getByTestId('quiz-progress')).toHaveText('Question 3 of 3');
  const third = await answerShown(page, true, 'Save and finish');
  expect(third.card.sectionKey).toBe('intro');

  await expect(page).toHaveURL(/\/result$/);
  await expect(page.getByTestId('score-fraction')).toHaveText('2/3');
  await expect(page.getByTestId('score-percent')).toHaveText('67%');
  await expect(page.getByTestId('missed-questions')).toContainText(second.card.prompt);
  await expect(page.getByTestId('missed-questions')).toContainText(second.rightAnswer);
});
