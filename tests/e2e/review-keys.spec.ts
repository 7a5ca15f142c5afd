/**
 * The review screen with the keyboard alone: a shortcut never lands in the next answer box, and
 * Enter/Space on a focused control do what that control does (issue 11).
 */
import { expect, test, type Page } from '@playwright/test';
import { payloadForPrompt, reviewLogsOf } from './db';
import { uniqueEmail } from './helpers';
import { answerCardCorrectly } from './review-helpers';

async function startReview(page: Page): Promise<string> {
  const email = uniqueEmail('keys');
  await page.goto('/signup');
  await page.getByLabel('Your name').fill('Kim Keys');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('keyboard only please');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/today$/);
  await page.goto('/review/war-for-peace');
  await expect(page.locator('.prompt').first()).toBeVisible();
  return email;
}

/** Answers the card on screen correctly with the keyboard, so every grade is offered. */
async function answerWithKeys(page: Page): Promise<void> {
  const promptText = ((await page.locator('.prompt').first().textContent()) ?? '').trim();
  if (await page.getByTestId('reveal').isVisible()) {
    await page.keyboard.press('Space');
    await expect(page.getByTestId('grade-4')).toBeVisible();
    return;
  }
  const payload = await payloadForPrompt(promptText);
  if (payload.type === 'typed') {
    await expect(page.getByLabel('Your answer')).toBeFocused();
    await page.keyboard.type(payload.answers[0] as string);
    await page.keyboard.press('Enter');
  } else if (payload.type === 'truefalse') {
    await page.keyboard.press(payload.answer ? '1' : '2');
  } else if (payload.type === 'mcq') {
    const texts = await page.getByTestId('option').allTextContents();
    const right = payload.options.find((o) => o.correct)?.text as string;
    await page.keyboard.press(String(texts.findIndex((t) => t.includes(right)) + 1));
  } else {
    throw new Error(`unexpected card type ${payload.type}`);
  }
  await expect(page.getByTestId('verdict')).toHaveText(/^Correct/);
}

/** Presses Tab until the element with this test id (or accessible name) has focus. */
async function tabTo(page: Page, target: ReturnType<Page['getByTestId']>): Promise<void> {
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error('could not reach the control with Tab');
}

async function lastRating(email: string, count: number): Promise<number | undefined> {
  const logs = (await reviewLogsOf(email)).filter((l) => l.undoneAt === null);
  return logs.length === count ? logs.at(-1)?.rating : undefined;
}

test('a typed card after a digit-key grade starts empty, and U typed in it stays a letter', async ({ page }) => {
  await startReview(page);
  for (let guard = 0; guard < 12; guard++) {
    await answerWithKeys(page);
    await page.keyboard.press('3');
    await expect(page.getByTestId('announce')).toHaveText(/^Graded Good\./);
    if (await page.getByLabel('Your answer').isVisible()) break;
  }
  const box = page.getByLabel('Your answer');
  await expect(box).toBeFocused();
  await expect(box).toHaveValue('');
  await page.keyboard.type('U');
  await expect(box).toHaveValue('U');
  await expect(page.getByTestId('announce')).not.toHaveText('Last grade undone.');
});

for (const key of ['Enter', 'Space'] as const) {
  test(`Tab and ${key} on each grade button give that grade`, async ({ page }) => {
    const email = await startReview(page);
    for (const grade of [1, 2, 3, 4] as const) {
      await answerWithKeys(page);
      await tabTo(page, page.getByTestId(`grade-${grade}`));
      await page.keyboard.press(key);
      await expect(page.getByTestId('announce')).toHaveText(new RegExp(`^Graded ${['Again', 'Hard', 'Good', 'Easy'][grade - 1]}\\.`));
      await expect.poll(() => lastRating(email, grade)).toBe(grade);
    }
  });
}

test('Enter on ✕ leaves the session', async ({ page }) => {
  await startReview(page);
  await tabTo(page, page.getByRole('link', { name: 'Close the session' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/today$/);
});

test('Enter on Undo undoes, Enter on Suspend suspends, Enter on the notes link opens the notes', async ({ page, context }) => {
  const email = await startReview(page);
  // Undo from a card that is revealed by Enter, so a captured Enter would show up as a reveal.
  let graded = 0;
  let last = '';
  do {
    last = ((await page.locator('.prompt').first().textContent()) ?? '').trim();
    await answerWithKeys(page);
    await page.keyboard.press('4');
    graded++;
    await expect.poll(() => lastRating(email, graded)).toBe(4);
  } while (!(await page.getByTestId('reveal').isVisible()) && graded < 10);
  await tabTo(page, page.getByTestId('undo'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('announce')).toHaveText('Last grade undone.');
  await expect(page.locator('.prompt').first()).toHaveText(last);
  await expect.poll(async () => (await reviewLogsOf(email)).filter((l) => l.undoneAt === null).length).toBe(graded - 1);
  const first = last;

  // The notes link, shown once the card is answered, opens the notes and grades nothing.
  await answerWithKeys(page);
  const popup = context.waitForEvent('page');
  await tabTo(page, page.getByRole('link', { name: /Read the notes for/ }));
  await page.keyboard.press('Enter');
  await expect(await popup).toHaveURL(/\/decks\/war-for-peace\/notes#/);
  await expect(page.locator('.prompt').first()).toHaveText(first);
  expect((await reviewLogsOf(email)).filter((l) => l.undoneAt === null)).toHaveLength(graded - 1);

  await tabTo(page, page.getByRole('button', { name: 'Suspend this card' }));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('announce')).toHaveText(/^Card suspended\./);
  await expect(page.locator('.prompt').first()).not.toHaveText(first);
  expect((await reviewLogsOf(email)).filter((l) => l.undoneAt === null)).toHaveLength(graded - 1);
});

test('? opens the shortcut list, Esc closes it and focus returns', async ({ page, isMobile }) => {
  test.skip(isMobile, 'a phone has no keyboard: the list and its button are for desktops');
  await startReview(page);
  // This test is about a card the student reveals (the revised deck opens on objective cards): answer those first.
  for (let guard = 0; guard < 15 && !(await page.getByTestId('reveal').isVisible()); guard++) await answerCardCorrectly(page, 3, false);
  await expect(page.getByTestId('reveal')).toBeVisible();
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await page.locator('.card-kind').click();
  await page.keyboard.press('?');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Show the answer');
  // Keys pressed while the list is open do nothing behind it.
  await page.keyboard.press('Space');
  await expect(page.getByTestId('reveal')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Opened from its button, it gives focus back to that button.
  const button = page.getByRole('button', { name: 'Keyboard shortcuts' });
  await tabTo(page, button);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
  // Space then reveals once focus is back on the page.
  await page.locator('.card-kind').click();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('grade-3')).toBeVisible();
});
