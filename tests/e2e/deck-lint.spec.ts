// The item-writing check in the deck editor, typed-answer examples in the item form, and the
// deck's context note on the study-notes page.
import { expect, test, type Page } from '@playwright/test';
import { INSTRUCTOR, signIn, STUDENT } from './helpers';

async function newDeck(page: Page, title: string) {
  await page.goto('/teach/decks');
  await page.getByRole('link', { name: 'New deck' }).click();
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Author of the reading').fill('Iris Instructor');
  await page.getByLabel('Source URL').fill('https://example.org/war-for-peace');
  await page.getByLabel('Description').fill('Deck for the item-writing check.');
  await page.getByRole('button', { name: 'Create deck' }).click();
  await expect(page.getByTestId('deck-title')).toHaveText(title);
}

async function addItem(page: Page, type: string) {
  await page.getByLabel('Type', { exact: true }).selectOption(type);
  await page.getByRole('button', { name: 'Add item' }).click();
}

test('the deck editor lists item-writing warnings with a link to each item', async ({ page }) => {
  await signIn(page, INSTRUCTOR);
  await expect(page).toHaveURL(/\/today$/);
  await newDeck(page, `Lint e2e ${Date.now()}`);
  const panel = page.getByTestId('lint-panel');
  await expect(panel).toContainText('No item-writing problems found');

  // A multiple-choice item with a negative stem.
  await addItem(page, 'mcq');
  const question = 'Which of these is NOT one of the three principles of peacekeeping?';
  await page.getByLabel('Question', { exact: true }).fill(question);
  const options = ['Impartiality', 'Regime security', 'Consent of the parties'];
  for (const [i, text] of options.entries()) {
    await page.getByLabel(`Option ${i + 1}`, { exact: true }).fill(text);
    await page.getByLabel(`Explanation for option ${i + 1}`).fill(`Why option ${i + 1}.`);
  }
  await page.getByLabel('Option 2 is correct').check();
  await page.getByLabel('Paragraph').fill('Principles, ¶1');
  await page.getByRole('button', { name: 'Save item' }).click();
  await expect(page.getByTestId('flash')).toHaveText('Item saved.');

  // A typed item whose question gives its answer away, with sample answers for the checker (saving runs
  // them through it, so the accepted ones must be fair forms of the answers).
  await addItem(page, 'typed');
  await page.getByLabel('Question', { exact: true }).fill('In 1999 Moscow tried to act alone in Kosovo. Where?');
  await page.getByLabel('Accepted answers (one per line)').fill('Kosovo\nPristina');
  await page.getByLabel('Answers that must count as right (optional, one per line)').fill('kosovo\nPristina.');
  await page.getByLabel('Answers that must count as wrong (optional, one per line)').fill('Bosnia');
  await page.getByLabel('Explanation').fill('Her example of unilateral action.');
  await page.getByLabel('Paragraph').fill('One-Sided Support, ¶3');
  await page.getByRole('button', { name: 'Save item' }).click();
  await expect(page.getByTestId('flash')).toHaveText('Item saved.');

  await expect(panel).toContainText('2 warnings');
  const warnings = panel.getByTestId('lint-warning');
  await expect(warnings).toHaveCount(2);
  const negative = warnings.filter({ hasText: 'Negative question' });
  await expect(negative).toContainText('ask what is true instead of what is not');
  await expect(warnings.filter({ hasText: 'Answer in the question' })).toContainText('the question already contains the accepted answer "Kosovo"');

  // The row's link opens the item, and the examples were kept.
  await negative.getByRole('link', { name: question }).click();
  await expect(page.getByLabel('Question', { exact: true })).toHaveValue(question);
  await page.goBack();
  await panel.getByTestId('lint-warning').filter({ hasText: 'Answer in the question' }).getByRole('link').click();
  await expect(page.getByLabel('Answers that must count as right (optional, one per line)')).toHaveValue('kosovo\nPristina.');
  await expect(page.getByLabel('Answers that must count as wrong (optional, one per line)')).toHaveValue('Bosnia');

  // Fixing the stem clears that warning.
  await page.getByLabel('Question', { exact: true }).fill('Where did Moscow try to act alone in 1999?');
  await page.getByRole('button', { name: 'Save item' }).click();
  await expect(page.getByTestId('flash')).toHaveText('Item saved.');
  await expect(panel.getByTestId('lint-warning')).toHaveCount(1);
});

test('the study notes show the deck’s context note apart from the notes', async ({ page }) => {
  await signIn(page, STUDENT);
  await expect(page).toHaveURL(/\/today$/);
  await page.goto('/decks/war-for-peace/notes');
  const context = page.getByTestId('deck-context');
  await expect(context.getByRole('heading', { name: 'Context: not from the article' })).toBeVisible();
  await expect(context).toContainText('four weeks before Russia');
  await expect(context).toContainText('It is not tested.');
  // The notes keep the author's hedges.
  await expect(page.locator('#one-sided-support')).toContainText('will not shy away from acting unilaterally if it has to');
});
