/**
 * "Try an answer" in the item editor (issue 11): an author opens a typed item and types answers
 * into the box with the keyboard; a fair variant is accepted with the rule that accepted it, a
 * wrong one is rejected, and Enter in the box tries the answer without saving the item.
 */
import { expect, test } from '@playwright/test';
import { INSTRUCTOR, signIn } from './helpers';

test('an author tries a fair and a wrong answer on a typed item, with the keyboard', async ({ page, isMobile }) => {
  test.setTimeout(90_000);
  await signIn(page, INSTRUCTOR);
  await expect(page).toHaveURL(/\/today$/);
  await page.goto('/teach/decks');
  await page.getByRole('link', { name: 'New deck' }).click();
  await page.getByLabel('Title', { exact: true }).fill(`Try answers ${Date.now()}`);
  await page.getByLabel('Author of the reading').fill('Iris Instructor');
  await page.getByLabel('Source URL').fill('https://example.org/war-for-peace');
  await page.getByLabel('Description').fill('Typed items, tried before students see them.');
  await page.getByRole('button', { name: 'Create deck' }).click();
  await expect(page.getByTestId('deck-title')).toBeVisible();

  await page.getByLabel('Type', { exact: true }).selectOption('typed');
  await page.getByRole('button', { name: 'Add item' }).click();
  const question = 'How many troops did the CSTO send to Kazakhstan?';
  await page.getByLabel('Question', { exact: true }).fill(question);
  await page.getByLabel('Accepted answers (one per line)').fill('2,500');
  await page.getByLabel('Explanation', { exact: true }).fill('About 2,500 troops arrived in January 2022.');
  await page.getByLabel('Paragraph').fill('Kazakhstan, ¶1');
  await page.getByRole('button', { name: 'Save item' }).click();
  await expect(page.getByTestId('flash')).toHaveText('Item saved.');

  // The author opens the saved item again and tries answers in the box.
  await page.getByTestId('item-row').filter({ hasText: question }).getByRole('link').click();
  await expect(page.getByLabel('Question', { exact: true })).toHaveValue(question);
  const box = page.getByTestId('try-answer');
  const verdict = page.getByTestId('try-verdict');
  await expect(verdict).toHaveText('The verdict shows here as you type.');
  if (isMobile) await box.tap();
  else {
    // From the last example field, Tab reaches the box.
    await page.getByLabel('Answers that must count as wrong (optional, one per line)').focus();
    await page.keyboard.press('Tab');
  }
  await expect(box).toBeFocused();
  await page.keyboard.type('about 2,500 troops');
  await expect(verdict).toHaveText('Accepted. Accepted as “2,500” (the same number).');
  await expect(verdict).toHaveClass(/verdict-right/);

  // Enter tries the answer; it does not save the item.
  const url = page.url();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('flash')).toHaveCount(0);
  expect(page.url()).toBe(url);

  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('3,000');
  await expect(verdict).toHaveText('Marked wrong');
  await expect(verdict).toHaveClass(/verdict-wrong/);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  await expect(verdict).toHaveText('The verdict shows here as you type.');
});
