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
const INSTRUCTOR_PAGES = ['/teach', '/teach/decks'];

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
    if (response?.status() === 404) continue; // a page another branch adds
    await page.waitForLoadState('load');
    expect(await seriousViolations(page), path).toEqual([]);
  }
  // The revealed side of a card too.
  await page.goto('/review/war-for-peace');
  const reveal = page.getByTestId('reveal');
  if (await reveal.isVisible()) await reveal.click();
  else await page.getByTestId('option').first().click().catch(() => undefined);
  expect(await seriousViolations(page), 'review (answer side)').toEqual([]);
});

test('instructor pages have no serious accessibility violations', async ({ page }) => {
  await signIn(page, INSTRUCTOR);
  await expect(page).toHaveURL(/\/today$/);
  for (const path of INSTRUCTOR_PAGES) {
    const response = await page.goto(path);
    if (response?.status() === 404) continue;
    expect(await seriousViolations(page), path).toEqual([]);
  }
});
