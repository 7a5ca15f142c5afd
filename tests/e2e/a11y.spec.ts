import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { INSTRUCTOR, signIn, STUDENT } from './helpers';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

const STUDENT_PAGES = ['/today', '/review/war-for-peace', '/decks/war-for-peace/notes', '/quiz/war-for-peace', '/progress', '/progress/leeches', '/settings', '/join'];
const INSTRUCTOR_PAGES = ['/teach', '/teach/decks', '/teach/decks/new', '/progress'];

test('sign-in and sign-up pages have no serious accessibility violations', async ({ page }) => {
  for (const path of ['/signin', '/signup']) {
    await page.goto(path);
    expect(await seriousViolations(page), path).toEqual([]);
  }
});

test('student pages have no serious accessibility violations', async ({ page }) => {
  await signIn(page, STUDENT);
  await expect(page).toHaveURL(/\/today$/);
  for (const path of STUDENT_PAGES) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await page.waitForLoadState('load');
    expect(await seriousViolations(page), path).toEqual([]);
  }
  // The revealed side of a card too.
  await page.goto('/review/war-for-peace');
  // Whatever type the first card is: reveal it, pick an option, or type an answer.
  const reveal = page.getByTestId('reveal');
  const option = page.getByTestId('option').first();
  const typed = page.getByLabel('Your answer');
  await expect(reveal.or(option).or(typed).first()).toBeVisible();
  if (await reveal.isVisible()) await reveal.click();
  else if (await option.isVisible()) await option.click();
  else {
    await typed.fill('an answer');
    await typed.press('Enter');
  }
  expect(await seriousViolations(page), 'review (answer side)').toEqual([]);
});

test('instructor pages have no serious accessibility violations', async ({ page }) => {
  await signIn(page, INSTRUCTOR);
  await expect(page).toHaveURL(/\/today$/);
  for (const path of INSTRUCTOR_PAGES) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    expect(await seriousViolations(page), path).toEqual([]);
  }
  // The demo class (made by npm start / the e2e server): its page and its roster.
  await page.goto('/teach');
  await page.getByRole('link', { name: /POLS 210/ }).first().click();
  await expect(page.getByTestId('roster-summary')).toBeVisible();
  expect(await seriousViolations(page), 'class page').toEqual([]);
  await page.getByTestId('roster-link').click();
  await expect(page.getByTestId('roster')).toBeVisible();
  expect(await seriousViolations(page), 'roster page').toEqual([]);
});
