import Database from 'better-sqlite3';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { uniqueEmail } from './helpers';

// The test knows the right answers by reading the card from the e2e database, the way an
// author would know them; the page itself never sends which answer is right before answering.
interface CardInfo {
  payload:
    | { type: 'mcq'; options: { text: string; correct: boolean }[] }
    | { type: 'truefalse'; answer: boolean }
    | { type: 'typed'; answers: string[] }
    | { type: 'ordering'; steps: string[] };
  prompt: string;
  evidenceQuote: string | null;
  evidenceRef: string | null;
  sectionKey: string;
}

function cardInfo(cardId: number): CardInfo {
  const db = new Database('data/e2e.db', { readonly: true, fileMustExist: true });
  try {
    const row = db
      .prepare('SELECT c.payload, c.prompt, c.evidence_quote AS evidenceQuote, c.evidence_ref AS evidenceRef, s.key AS sectionKey FROM cards c JOIN sections s ON s.id = c.section_id WHERE c.id = ?')
      .get(cardId) as { payload: string; prompt: string; evidenceQuote: string | null; evidenceRef: string | null; sectionKey: string };
    return { ...row, payload: JSON.parse(row.payload) as CardInfo['payload'] };
  } finally {
    db.close();
  }
}

async function signUp(page: Page, name: string) {
  await page.goto('/signup');
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email').fill(uniqueEmail('quiz'));
  await page.getByLabel('Password').fill('a long enough password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/today$/);
}

/** The feedback cites the passage: its quote where the item quotes one, else the paragraph it names. */
async function expectEvidence(feedback: Locator, card: CardInfo) {
  if (card.evidenceQuote) {
    await expect(feedback.getByTestId('evidence-quote')).toContainText(card.evidenceQuote);
  } else {
    await expect(feedback.getByTestId('evidence-quote')).toHaveCount(0);
    await expect(feedback.getByTestId('evidence-ref')).toContainText(card.evidenceRef ?? '');
  }
}

/** Answers the question on screen, right or wrong as asked; returns what the card says is right. */
async function answerShown(page: Page, right: boolean, submit: string) {
  const question = page.getByTestId('quiz-question');
  const cardId = Number(await question.getAttribute('data-card-id'));
  const card = cardInfo(cardId);
  const p = card.payload;
  await expect(question.getByRole('heading', { level: 2 })).toContainText(card.prompt);
  let rightAnswer = '';
  switch (p.type) {
    case 'mcq': {
      const correct = p.options.find((o) => o.correct)?.text ?? '';
      const pick = right ? correct : (p.options.find((o) => !o.correct)?.text ?? '');
      await question.locator('label.quiz-option').filter({ hasText: pick }).click();
      await expect(question.getByRole('radio', { name: pick })).toBeChecked();
      await question.getByRole('button', { name: submit }).click();
      rightAnswer = correct;
      break;
    }
    case 'truefalse':
      rightAnswer = p.answer ? 'True' : 'False';
      await question.getByRole('button', { name: right === p.answer ? 'True' : 'False', exact: true }).click();
      break;
    case 'typed':
      rightAnswer = p.answers[0] ?? '';
      await question.getByLabel('Your answer').fill(right ? rightAnswer : 'surely not the answer');
      await question.getByRole('button', { name: submit }).click();
      break;
    case 'ordering': {
      rightAnswer = p.steps[0] ?? '';
      if (right) {
        // Bring each step up to its place with the "Move up" buttons, first step first.
        for (const [target, step] of p.steps.entries()) {
          const shown = await question.locator('.quiz-step-text').allTextContents();
          for (let i = shown.indexOf(step); i > target; i--) await question.getByRole('button', { name: `Move up: ${step}` }).click();
        }
        await expect(question.locator('.quiz-step-text')).toHaveText(p.steps);
      }
      // Left as shown, the order is wrong: the server never shows the steps already in order.
      await question.getByRole('button', { name: submit }).click();
      break;
    }
  }
  return { card, rightAnswer };
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
