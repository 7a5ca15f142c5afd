import { expect, test, type Page } from '@playwright/test';
import { payloadForPrompt, reviewLogsOf, setClockOffsetDays } from './db';
import { uniqueEmail } from './helpers';

async function signUp(page: Page, email: string) {
  await page.goto('/signup');
  await page.getByLabel('Your name').fill('Riley Reviewer');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('reviewing all day');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/today$/);
}

test.afterEach(() => setClockOffsetDays(0));

test('a student reviews today’s new cards, gets one wrong, undoes, and finds them due later', async ({ page, isMobile }) => {
  test.setTimeout(180_000);
  const email = uniqueEmail('review');
  await signUp(page, email);
  const deck = page.getByTestId('deck-war-for-peace');
  await expect(deck.getByTestId('new-count')).toHaveText('20');
  await expect(deck.getByTestId('due-count')).toHaveText('0');
  await deck.getByTestId('start-review').click();
  await expect(page).toHaveURL(/\/review\/war-for-peace$/);

  // Desktop drives the session with the keyboard, the phone with taps.
  const press = async (key: string, testId: string) => (isMobile ? page.getByTestId(testId).tap() : page.keyboard.press(key));
  let wrongOnce = false;
  let undone = false;
  let grades = 0;
  for (let guard = 0; guard < 60; guard++) {
    if (await page.getByTestId('session-done').isVisible()) break;
    const prompt = page.locator('.prompt').first();
    // The last grade can end the session just after the check above: wait for either.
    await expect(prompt.or(page.getByTestId('session-done'))).toBeVisible();
    if (await page.getByTestId('session-done').isVisible()) break;
    const promptText = (await prompt.textContent()) ?? '';

    if (await page.getByTestId('reveal').isVisible()) {
      await press('Space', 'reveal');
      await expect(page.getByTestId('grade-4')).toBeVisible();
    } else {
      const payload = await payloadForPrompt(promptText);
      if (payload.type === 'typed') {
        const answer = wrongOnce ? (payload.answers[0] as string) : 'certainly not this';
        await page.getByLabel('Your answer').fill(answer);
        await page.getByLabel('Your answer').press('Enter');
      } else if (payload.type === 'truefalse') {
        await page.getByTestId(payload.answer ? 'answer-true' : 'answer-false').click();
      } else if (payload.type === 'mcq') {
        const right = payload.options.find((o) => o.correct)?.text as string;
        await page.getByTestId('option').filter({ hasText: right }).click();
      } else {
        throw new Error(`unexpected card type ${payload.type}`);
      }
      if (!wrongOnce && payload.type === 'typed') {
        // A wrong answer shows the verdict, the explanation, the quote it comes from and the notes link.
        await expect(page.getByTestId('verdict')).toContainText('Not quite');
        await expect(page.getByTestId('evidence')).toBeVisible();
        await expect(page.getByRole('link', { name: /Read the notes for/ })).toHaveAttribute('href', /\/decks\/war-for-peace\/notes#/);
        await expect(page.getByTestId('grade-4')).toHaveCount(0);
        await press('Enter', 'grade-1');
        wrongOnce = true;
        grades++;
        continue;
      }
      await expect(page.getByTestId('verdict')).toHaveText(/^Correct/);
    }
    await press('4', 'grade-4');
    grades++;
    if (grades === 3 && !undone) {
      // Wait for the next card: a typed one takes focus when it mounts, and a key pressed before
      // then would land in the old card's place. Escape then leaves its answer box, so U undoes.
      await expect(page.locator('.prompt').first()).not.toHaveText(promptText);
      if (!isMobile) {
        const box = page.getByLabel('Your answer');
        if (await box.count()) await expect(box).toBeFocused();
        await page.keyboard.press('Escape');
      }
      await press('u', 'undo');
      await expect(page.getByTestId('announce')).toHaveText('Last grade undone.');
      await expect(page.locator('.prompt').first()).toHaveText(promptText);
      undone = true;
      grades--;
    }
  }
  await expect(page.getByTestId('session-done')).toBeVisible();
  await expect(page.getByTestId('sync-status')).toHaveText('All saved');
  expect(wrongOnce && undone).toBe(true);

  const logs = await reviewLogsOf(email);
  const counted = logs.filter((l) => l.undoneAt === null);
  expect(counted).toHaveLength(grades);
  expect(new Set(counted.filter((l) => l.rating === 4).map((l) => l.cardId)).size).toBe(20);
  expect(counted.filter((l) => l.rating === 1)).toHaveLength(1);
  // Undo keeps the row, marked undone; the grade may also have been taken back before it was sent.
  expect(logs.filter((l) => l.undoneAt !== null).length).toBeLessThanOrEqual(1);

  await page.goto('/today');
  await expect(deck.getByTestId('new-count')).toHaveText('0');
  await expect(deck.getByTestId('due-count')).toHaveText('0');
  await expect(deck.getByTestId('all-done')).toBeVisible();

  // A month later every card graded Easy is due again, and 20 new ones are allowed.
  setClockOffsetDays(30);
  await page.reload();
  await expect(deck.getByTestId('due-count')).toHaveText('20');
  await expect(deck.getByTestId('new-count')).toHaveText('20');
});
