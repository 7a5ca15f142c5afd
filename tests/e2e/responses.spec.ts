/**
 * Response analysis (issue 16 item 3): a student types right answers to the first cards of a review
 * session, then answers a multiple-choice card by its digit key, and the class's instructor sees
 * both counted under Review on the Responses page (the typed answer accepted, with its facility),
 * reached from the class dashboard, readable on a phone.
 */
import { expect, test } from '@playwright/test';
import { e2eAll, payloadForPrompt } from './db';
import { INSTRUCTOR, uniqueEmail } from './helpers';
import { answerCardCorrectly } from './review-helpers';
import { createAssignment, createClass, signInAndWait, signUp, utcDatePlusDays } from './teach-helpers';

async function cardOf(prompt: string, type: 'mcq' | 'typed' = 'mcq'): Promise<{ id: number; itemId: string }> {
  const rows = await e2eAll<{ id: number; itemId: string; payload: string }>(
    `SELECT id, item_id AS "itemId", payload FROM cards WHERE deck_id = 'war-for-peace' AND type = ? AND retired_at IS NULL`,
    type,
  );
  const row = rows.find((r) => (JSON.parse(r.payload) as { question: string }).question.trim() === prompt.trim());
  if (!row) throw new Error(`no ${type} card with prompt ${prompt}`);
  return { id: row.id, itemId: row.itemId };
}

function choicesOf(email: string) {
  return e2eAll<{ cardId: number; choice: number; correct: number }>(
    'SELECT r.card_id AS "cardId", r.choice, r.correct FROM review_choices r JOIN users u ON u.id = r.user_id WHERE u.email = ? ORDER BY r.id',
    email,
  );
}

test('a choice made by digit key in review is counted on the instructor’s Responses page', async ({ page, context, isMobile }, testInfo) => {
  test.setTimeout(180_000);
  const className = `Responses ${testInfo.project.name} ${Date.now() % 100000}`;
  await signInAndWait(page, INSTRUCTOR);
  const { classUrl, code } = await createClass(page, className);
  await createAssignment(page, { dueDate: utcDatePlusDays(7) });
  await context.clearCookies();

  const email = uniqueEmail('responses');
  await signUp(page, 'Cleo Chooser', email);
  await page.goto(`/join/${code}`);
  await page.getByRole('button', { name: 'Join class' }).click();
  await expect(page.getByTestId('join-done')).toBeVisible();

  // Grade cards (right, Good) until a multiple-choice card comes up; the queue of new cards is in deck order.
  await page.goto('/review/war-for-peace');
  let previous = '';
  let typedPrompt: string | null = null;
  for (let guard = 0; guard < 40; guard++) {
    const prompt = page.locator('.prompt').first();
    await expect(prompt).toBeVisible();
    await expect(prompt).not.toHaveText(previous);
    previous = (await prompt.textContent()) ?? '';
    if (await page.getByTestId('option').first().isVisible()) break;
    if (typedPrompt === null && (await page.getByLabel('Your answer').isVisible())) typedPrompt = previous;
    await answerCardCorrectly(page, 3, isMobile);
  }
  // The deck opens with typed items: one was answered right on the way.
  if (typedPrompt === null) throw new Error('no typed card before the first multiple-choice card');
  const typedCard = await cardOf(typedPrompt, 'typed');
  const typedPayload = await payloadForPrompt(typedPrompt);
  if (typedPayload.type !== 'typed') throw new Error('expected a typed card');
  const options = page.getByTestId('option');
  await expect(options.first()).toBeVisible();
  const payload = await payloadForPrompt(previous);
  if (payload.type !== 'mcq') throw new Error('expected a multiple-choice card');
  const card = await cardOf(previous);
  // The screen shows the options shuffled: find where the first wrong one is shown.
  const shownTexts = await options.locator('span:not(.option-key)').allTextContents();
  const wrong = payload.options.findIndex((o) => !o.correct);
  const position = shownTexts.indexOf(payload.options[wrong]?.text ?? '');
  expect(position).toBeGreaterThanOrEqual(0);

  // Its digit key, as a person would press it (no button has focus after the last grade).
  await page.keyboard.press(String(position + 1));
  await expect(page.getByTestId('verdict')).toContainText('Not quite');
  await expect(options.nth(position)).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('grade-1')).toBeVisible();
  await page.keyboard.press('1');
  await expect(page.getByTestId('announce')).toHaveText(/^Graded Again\./);
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-pending', '0');
  await expect.poll(async () => (await choicesOf(email)).filter((r) => r.cardId === card.id)).toEqual([{ cardId: card.id, choice: wrong, correct: 0 }]);
  // The true/false cards answered right on the way are kept too, as right.
  expect((await choicesOf(email)).filter((r) => r.cardId !== card.id && r.correct !== 1)).toEqual([]);
  await context.clearCookies();

  // The instructor opens the Responses page from the class dashboard and the item's options.
  await signInAndWait(page, INSTRUCTOR);
  await page.goto(classUrl);
  await page.getByTestId('responses-link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Responses' })).toBeVisible();
  const item = page.getByTestId(`responses-${card.itemId}`);
  await item.locator('summary').click();
  const rows = item.getByTestId('option-row');
  await expect(rows).toHaveCount(payload.options.length);
  const chosen = rows.nth(wrong);
  await expect(chosen).toContainText(payload.options[wrong]?.text ?? '');
  await expect(chosen.locator('td[data-label="Review"]')).toHaveText('1 (100 %)');
  await expect(chosen.locator('td[data-label="Quizzes"]')).toHaveText('0');
  await expect(chosen.locator('td[data-label="All"]')).toHaveText('1 (100 %)');
  // The right option is named in words, and nobody chose it.
  const right = rows.nth(payload.options.findIndex((o) => o.correct));
  await expect(right).toContainText('Right answer');
  await expect(right.locator('td[data-label="All"]')).toHaveText('0 (0 %)');
  await expect(item.getByTestId('facility')).toContainText('review 0 % (1 answer)');

  // The typed answer given right in review is there too, accepted, and gives the item a review facility.
  const typedItem = page.getByTestId(`responses-${typedCard.itemId}`);
  await typedItem.locator('summary').click();
  const typedRows = typedItem.getByTestId('typed-row');
  await expect(typedRows).toHaveCount(1);
  await expect(typedRows.first()).toContainText(`“${typedPayload.answers[0]}”`);
  await expect(typedRows.first()).toContainText('Accepted');
  await expect(typedRows.first().locator('td[data-label="Review"]')).toHaveText('1 (100 %)');
  await expect(typedItem.getByTestId('facility')).toContainText('review 100 % (1 answer)');
  await expect(typedItem.getByTestId('older-typed-note')).toHaveCount(0);
  // Readable on a phone: nothing wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});
