import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { INSTRUCTOR, signIn, STUDENT, uniqueEmail } from './helpers';
import { seedHistory } from './seed-history';

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
  test.setTimeout(120_000); // axe on eight pages: over a minute on a busy machine
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
  test.setTimeout(120_000);
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

test('with months of history (heatmap, forecast, leeches, quiz results), student and class pages have no serious accessibility violations', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const email = uniqueEmail('a11y-history');
  await page.goto('/signup');
  await page.getByLabel('Your name').fill('Hana History');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('months of reviews behind me');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/today$/);
  const seeded = await seedHistory(email, { joinDemoClass: true });
  expect(seeded.logs).toBeGreaterThan(500);

  await page.goto('/progress');
  await expect(page.getByTestId('heatmap')).toBeVisible();
  const attempt = await page.evaluate(async () => {
    const html = await (await fetch('/quiz/war-for-peace')).text();
    return /\/quiz\/attempt\/(\d+)\/result/.exec(html)?.[1] ?? null;
  });
  const pages = [...STUDENT_PAGES, ...(attempt ? [`/quiz/attempt/${attempt}/result`] : [])];
  expect(attempt, 'a finished quiz is listed').not.toBeNull();
  for (const path of pages) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await page.waitForLoadState('load');
    expect(await seriousViolations(page), `${path} (with history)`).toEqual([]);
  }

  // The instructor's class now has a student with activity.
  const teacherContext = await browser.newContext({ viewport: page.viewportSize() });
  const teacher = await teacherContext.newPage();
  await signIn(teacher, INSTRUCTOR);
  await expect(teacher).toHaveURL(/\/today$/);
  await teacher.goto('/teach');
  await teacher.getByRole('link', { name: /POLS 210/ }).first().click();
  await expect(teacher.getByTestId('roster-summary')).toBeVisible();
  await expect(teacher.getByText('Hana History').first()).toBeVisible();
  expect(await seriousViolations(teacher), 'class page (with activity)').toEqual([]);
  const classUrl = teacher.url();
  for (const link of await teacher.locator('a[href*="/assignments/"]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')))) {
    if (!link || link.endsWith('/new')) continue;
    await teacher.goto(link);
    expect(await seriousViolations(teacher), `${link} (with activity)`).toEqual([]);
  }
  await teacher.goto(`${classUrl.replace(/\/$/, '')}/roster`);
  await expect(teacher.getByTestId('roster')).toBeVisible();
  expect(await seriousViolations(teacher), 'roster page (with activity)').toEqual([]);
  await teacherContext.close();
});
