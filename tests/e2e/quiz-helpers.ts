/**
 * Answering quiz questions as a student would, in the browser. The test knows the right answers by
 * reading the card from the e2e database, the way an author would know them; the page itself never
 * sends which answer is right before answering.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { e2eGet } from './db';

export interface CardInfo {
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

export async function cardInfo(cardId: number): Promise<CardInfo> {
  const row = await e2eGet<{ payload: string; prompt: string; evidenceQuote: string | null; evidenceRef: string | null; sectionKey: string }>(
    'SELECT c.payload, c.prompt, c.evidence_quote AS "evidenceQuote", c.evidence_ref AS "evidenceRef", s.key AS "sectionKey" FROM cards c JOIN sections s ON s.id = c.section_id WHERE c.id = ?',
    cardId,
  );
  if (!row) throw new Error(`no card ${cardId}`);
  return { ...row, payload: JSON.parse(row.payload) as CardInfo['payload'] };
}

/** The feedback cites the passage: its quote where the item quotes one, else the paragraph it names. */
export async function expectEvidence(feedback: Locator, card: CardInfo) {
  if (card.evidenceQuote) {
    await expect(feedback.getByTestId('evidence-quote')).toContainText(card.evidenceQuote);
  } else {
    await expect(feedback.getByTestId('evidence-quote')).toHaveCount(0);
    await expect(feedback.getByTestId('evidence-ref')).toContainText(card.evidenceRef ?? '');
  }
}

/** Answers the question on screen, right or wrong as asked; returns what the card says is right. */
export async function answerShown(page: Page, right: boolean, submit: string) {
  const question = page.getByTestId('quiz-question');
  const cardId = Number(await question.getAttribute('data-card-id'));
  const card = await cardInfo(cardId);
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

