/**
 * Issue 16 items 4 and 8 in Chromium: a student reports a card in a review (by keyboard on
 * desktop, by tap on the phone) and in a quiz; the deck's author sees both, replies and marks one
 * fixed; the student reads the reply on Today. Then the student leaves the class.
 */
import { expect, test, type Page } from '@playwright/test';
import { INSTRUCTOR, uniqueEmail } from './helpers';
import { createClass, signInAndWait, signUp, utcDatePlusDays } from './teach-helpers';

/** With SHOTS_DIR set, a full-page screenshot of what the test sees (for looking at the pages, not asserted). */
async function shot(page: Page, name: string, project: string) {
  if (process.env.SHOTS_DIR) await page.screenshot({ path: `${process.env.SHOTS_DIR}/${project}-${name}.png`, fullPage: true });
}

const STATEMENT = 'The author expects no further Russian deployments.';
const BASIC_FRONT = 'Who chaired the CSTO in January 2022?';

/** A deck of the instructor's own: one true/false item (quizzable) and one basic card. */
async function createOwnDeck(page: Page, title: string): Promise<string> {
  await page.goto('/teach/decks/new');
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Author of the reading').fill('Iris Instructor');
  await page.getByLabel('Source URL').fill('https://example.org/war-for-peace');
  await page.getByLabel('Description').fill('A deck to report cards on.');
  await page.getByRole('button', { name: 'Create deck' }).click();
  await expect(page.getByTestId('deck-title')).toHaveText(title);
  const deckUrl = new URL(page.url()).pathname;
  await page.getByLabel('Type', { exact: true }).selectOption('truefalse');
  await page.getByRole('button', { name: 'Add item' }).click();
  await page.getByLabel('Statement').fill(STATEMENT);
  await page.getByLabel('False').check();
  await page.getByLabel('Explanation', { exact: true }).fill('She calls another deployment "only a matter of time".');
  await page.getByLabel('Paragraph').fill('Introduction, ¶1');
  await page.getByRole('button', { name: 'Save item' }).click();
  await expect(page.getByTestId('item-row').filter({ hasText: 'no further Russian deployments' })).toContainText('True/false');
  await page.getByRole('link', { name: 'Import CSV/TSV' }).click();
  await page.getByLabel('…or paste the rows').fill(`${BASIC_FRONT}\tNikol Pashinyan\tcsto\n`);
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.getByRole('button', { name: 'Import 1 valid row' }).click();
  await expect(page.getByTestId('flash')).toHaveText('Imported 1 item.');
  return deckUrl.split('/').pop()!;
}

async function assignDeck(page: Page, classUrl: string, deckId: string) {
  await page.goto(classUrl);
  await page.getByTestId('new-assignment').click();
  await page.getByLabel('Deck', { exact: true }).selectOption(deckId);
  await page.getByLabel('The whole deck').check();
  await page.getByLabel('Due date', { exact: true }).fill(utcDatePlusDays(10));
  await page.getByLabel('Due time', { exact: true }).fill('23:59');
  await page.getByRole('button', { name: 'Create assignment' }).click();
  await expect(page).toHaveURL(/\/teach\/classes\/\d+$/);
}

/** In the review: answer cards until the basic one shows, then report it. */
async function reportBasicCardInReview(page: Page, deckId: string, isMobile: boolean) {
  await page.goto(`/review/${deckId}`);
  for (let i = 0; i < 2; i++) {
    const prompt = page.locator('.prompt').first();
    await expect(prompt).toBeVisible();
    if ((await prompt.textContent())?.includes(BASIC_FRONT)) break;
    // The true/false card: answer False (key 2 / tap), then grade Good.
    if (isMobile) await page.getByTestId('answer-false').tap();
    else {
      await page.locator('.review-card').focus();
      await page.keyboard.press('2');
    }
    await expect(page.getByTestId('grade-3')).toBeVisible();
    if (isMobile) await page.getByTestId('grade-3').tap();
    else await page.keyboard.press('3');
  }
  await expect(page.locator('.prompt').first()).toContainText(BASIC_FRONT);
  if (isMobile) {
    await page.getByTestId('reveal').tap();
    await page.getByTestId('report-problem').tap();
    const form = page.getByTestId('report-form');
    await form.getByLabel('There is a typo').tap();
    await form.getByTestId('report-note').fill('Spelt “chiared”');
    await shot(page, 'review-report-form', 'phone');
    await form.getByTestId('report-send').tap();
  } else {
    await page.keyboard.press('Space');
    await expect(page.getByTestId('grade-3')).toBeVisible();
    // R opens the form with focus on the first reason; arrows choose, Tab moves on, Enter sends.
    await page.keyboard.press('r');
    const first = page.getByTestId('report-form').getByLabel('The answer is wrong');
    await expect(first).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByLabel('There is a typo')).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('report-note')).toBeFocused();
    await page.keyboard.type('Spelt “chiared”');
    await shot(page, 'review-report-form', 'desktop');
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('report-send')).toBeFocused();
    await page.keyboard.press('Enter');
  }
  await expect(page.getByTestId('report-sent')).toHaveText('Report sent. The deck’s author will see it.');
  await expect(page.getByTestId('report-form')).toHaveCount(0);
  await shot(page, 'review-report-sent', isMobile ? 'phone' : 'desktop');
  // The review carries on: the grade keys work again (focus went back to the card).
  if (isMobile) await page.getByTestId('grade-3').tap();
  else await page.keyboard.press('3');
  await expect(page.locator('.prompt').filter({ hasText: BASIC_FRONT })).toHaveCount(0);
  await expect(page.getByTestId('report-problem')).toHaveCount(0);
}

async function reportInQuiz(page: Page, deckId: string, project: string) {
  await page.goto(`/quiz/${deckId}`);
  await page.getByLabel('Number of questions').fill('1');
  await page.getByRole('button', { name: 'Start quiz' }).click();
  await expect(page.getByTestId('quiz-question')).toContainText(STATEMENT);
  await page.getByRole('button', { name: 'True', exact: true }).click();
  const feedback = page.getByTestId('quiz-feedback');
  await expect(page.getByTestId('quiz-verdict')).toHaveText(/Not quite/);
  await feedback.getByTestId('report-problem').click();
  await feedback.getByLabel('The question is unclear').check();
  await feedback.getByTestId('report-note').fill('“Further” deployments: after which one?');
  await shot(page, 'quiz-report-form', project);
  await feedback.getByTestId('report-send').click();
  await expect(feedback.getByTestId('report-sent')).toHaveText('Report sent. The deck’s author will see it.');
}

test('a student reports cards, the author replies and fixes one, the student reads it; then leaves the class', async ({ page, browser }, testInfo) => {
  // One long journey (a deck written, a class, two accounts, a review, a quiz): more than the default minute on a busy machine.
  test.setTimeout(240_000);
  const isMobile = testInfo.project.name === 'phone';
  const stamp = `${testInfo.project.name} ${Date.now()}`;
  await signInAndWait(page, INSTRUCTOR);
  const deckId = await createOwnDeck(page, `Reported deck ${stamp}`);
  const className = `Reports seminar ${stamp}`;
  const { classUrl, code } = await createClass(page, className);
  await assignDeck(page, classUrl, deckId);

  const context = await browser.newContext(testInfo.project.use);
  const student = await context.newPage();
  await signUp(student, 'Rita Reporter', uniqueEmail('reports'));
  await student.goto(`/join/${code}`);
  await student.getByRole('button', { name: 'Join class' }).click();
  await expect(student.getByTestId('join-done')).toBeVisible();

  await reportBasicCardInReview(student, deckId, isMobile);
  await reportInQuiz(student, deckId, testInfo.project.name);

  // The author: counts on the deck list and the deck page, both reports beside the item check.
  await page.goto('/teach/decks');
  await expect(page.getByTestId(`own-deck-${deckId}`).getByTestId('deck-report-count')).toHaveText('2 open reports from students');
  await page.goto(`/teach/decks/${deckId}`);
  await expect(page.getByTestId('open-report-count')).toHaveText('2 open reports');
  await expect(page.getByTestId('item-report-count')).toHaveCount(2);
  const panel = page.getByTestId('reports-panel');
  await expect(panel.getByTestId('report-row')).toHaveCount(2);
  const typo = panel.getByTestId('report-row').filter({ hasText: BASIC_FRONT });
  await expect(typo).toContainText('Typo');
  await expect(typo).toContainText('Rita Reporter · in a review');
  await expect(typo).toContainText('“Spelt “chiared””');
  await expect(panel.getByTestId('report-row').filter({ hasText: STATEMENT })).toContainText('in a quiz');
  await typo.getByTestId('report-reply').fill('Thanks, the spelling is corrected.');
  await shot(page, 'deck-reports', testInfo.project.name);
  await typo.getByTestId('report-fixed').click();
  await expect(panel.locator('[data-status="fixed"]')).toContainText('Reply from Iris Instructor: Thanks, the spelling is corrected.');
  await expect(page.getByTestId('open-report-count')).toHaveText('1 open report');

  // The student reads the answer on Today until "Got it".
  await student.goto('/today');
  const notice = student.getByTestId('report-notice');
  await expect(notice).toHaveCount(1);
  await expect(notice).toContainText(`Your report on “${BASIC_FRONT}” was fixed: Thanks, the spelling is corrected.`);
  await shot(student, 'today-report-notice', testInfo.project.name);
  await notice.getByTestId('report-notice-dismiss').click();
  await expect(notice).toHaveCount(0);
  await student.reload();
  await expect(student.getByTestId('assignments-panel')).toBeVisible();
  await expect(student.getByTestId('report-notice')).toHaveCount(0);

  // Leaving the class: listed with its instructor and assignment, then gone after confirming.
  await student.getByRole('link', { name: 'Classes' }).filter({ visible: true }).first().click();
  await expect(student).toHaveURL(/\/classes$/);
  const card = student.locator('[data-testid^="class-"]', { hasText: className }).first();
  await expect(card).toContainText('Iris Instructor · 1 assignment');
  await shot(student, 'classes', testInfo.project.name);
  await card.getByRole('button', { name: 'Leave class' }).click();
  await card.getByRole('button', { name: 'Leave', exact: true }).click();
  await expect(student.getByTestId('no-classes')).toBeVisible();
  await student.goto('/today');
  await expect(student.getByTestId('assignments-panel')).toHaveCount(0);
  await context.close();
});

/** In a review of the shared deck: answer the first card whatever its type, then report it; the prompt reported. */
async function reportFirstCard(page: Page, deckId: string): Promise<string> {
  await page.goto(`/review/${deckId}`);
  const prompt = page.locator('.prompt').first();
  await expect(prompt).toBeVisible();
  const text = ((await prompt.textContent()) ?? '').trim();
  const reveal = page.getByTestId('reveal');
  const typed = page.getByLabel('Your answer');
  if (await reveal.isVisible()) await reveal.click();
  else if (await typed.isVisible()) {
    await typed.fill('not sure');
    await typed.press('Enter');
  } else if (await page.getByTestId('answer-true').isVisible()) await page.getByTestId('answer-true').click();
  else await page.getByTestId('option').first().click();
  await expect(page.getByTestId('report-problem')).toBeVisible();
  await page.getByTestId('report-problem').click();
  const form = page.getByTestId('report-form');
  await form.getByLabel('The question is unclear').check();
  await form.getByTestId('report-note').fill('Which year is meant here?');
  await form.getByTestId('report-send').click();
  return text;
}

test('a report on the shared deck reaches the student’s instructor, who answers it; a student in no class is told the maintainers read it', async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000);
  const stamp = `${testInfo.project.name} ${Date.now()}`;
  await signInAndWait(page, INSTRUCTOR);
  const { code } = await createClass(page, `Shared reports ${stamp}`);

  const context = await browser.newContext(testInfo.project.use);
  const student = await context.newPage();
  // Names of their own: the desktop and phone runs share the instructor.
  const name = `Sam Shared ${Date.now() % 1_000_000}`;
  await signUp(student, name, uniqueEmail('shared-report'));
  // Not in a class yet: nobody in the app answers for the shared deck, and the student is told so.
  const loner = await browser.newContext(testInfo.project.use);
  const lonePage = await loner.newPage();
  const lonerName = `Lone Reader ${Date.now() % 1_000_000}`;
  await signUp(lonePage, lonerName, uniqueEmail('lone-report'));
  await reportFirstCard(lonePage, 'war-for-peace');
  await expect(lonePage.getByTestId('report-sent')).toHaveText('Report sent. The deck’s maintainers will see it.');
  await loner.close();

  await student.goto(`/join/${code}`);
  await student.getByRole('button', { name: 'Join class' }).click();
  await expect(student.getByTestId('join-done')).toBeVisible();
  const prompt = await reportFirstCard(student, 'war-for-peace');
  await expect(student.getByTestId('report-sent')).toHaveText('Report sent. Your instructor will see it.');

  // The instructor: the shared deck on the deck list says so, and its reports page has the student's report only.
  await page.goto('/teach/decks');
  const count = page.getByTestId('shared-deck-war-for-peace').getByTestId('shared-report-count');
  await expect(count).toHaveText(/^\d+ open reports? from your students$/);
  await count.click();
  await expect(page).toHaveURL(/\/teach\/decks\/war-for-peace\/reports$/);
  const row = page.getByTestId('report-row').filter({ hasText: name });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(prompt.slice(0, 40));
  await expect(row).toContainText('Unclear');
  await expect(row).toContainText('“Which year is meant here?”');
  await expect(page.getByTestId('report-row').filter({ hasText: lonerName })).toHaveCount(0);
  await row.getByTestId('report-reply').fill('The article was written in January 2022.');
  await shot(page, 'shared-deck-reports', testInfo.project.name);
  await row.getByTestId('report-dismissed').click();
  await expect(page.getByTestId('report-row').filter({ hasText: name }).and(page.locator('[data-status="dismissed"]'))).toContainText(
    'Reply from Iris Instructor: The article was written in January 2022.',
  );

  await student.goto('/today');
  await expect(student.getByTestId('report-notice').filter({ hasText: 'The article was written in January 2022.' })).toHaveCount(1);
  await context.close();
});
