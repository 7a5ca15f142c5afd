/**
 * The Content-Security-Policy: every page a student and an instructor use works under it with no
 * violation in the console, each page load gets its own nonce, and a script injected into a page's
 * HTML (what a stored XSS would do) does not run.
 */
import { expect, test, type Page } from '@playwright/test';
import { reviewLogsOf } from './db';
import { INSTRUCTOR, signIn, uniqueEmail } from './helpers';
import { answerCardCorrectly } from './review-helpers';

function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

test('a student signs up, reviews, takes a quiz and changes settings with no CSP violation', async ({ page, isMobile }) => {
  test.setTimeout(120_000);
  const problems = watchConsole(page);
  const email = uniqueEmail('csp');
  await page.goto('/signup');
  await page.getByLabel('Your name').fill('Casey Policy');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('policy-pass-123');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/today$/);

  // Client-side JavaScript runs: grading goes through the outbox to /api/reviews.
  await page.getByTestId('deck-war-for-peace').getByTestId('start-review').click();
  await expect(page).toHaveURL(/\/review\/war-for-peace$/);
  await answerCardCorrectly(page, 3, isMobile);
  await expect.poll(async () => (await reviewLogsOf(email)).length, { timeout: 15_000 }).toBe(1);

  for (const path of ['/quiz/war-for-peace', '/decks/war-for-peace/notes', '/settings', '/today']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    expect(response?.headers()['content-security-policy'], path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  }
  // Client-side navigation (the router fetches the next page's payload) keeps working.
  await page.getByTestId('deck-war-for-peace').getByRole('link', { name: 'Notes' }).click();
  await expect(page).toHaveURL(/\/decks\/war-for-peace\/notes$/);
  // A page that is not found renders and hydrates too.
  expect((await page.goto('/no-such-page'))?.status()).toBe(404);
  await expect(page.getByRole('heading').first()).toBeVisible();
  expect(problems).toEqual([]);
});

test('an instructor’s pages and the offline page load without violations', async ({ page }) => {
  const problems = watchConsole(page);
  await signIn(page, INSTRUCTOR);
  await expect(page).toHaveURL(/\/today$/);
  expect((await page.goto('/teach'))?.status()).toBe(200);
  const offline = await page.goto('/offline');
  expect(offline?.headers()['content-security-policy']).toContain("script-src 'self' 'unsafe-inline'");
  await expect(page.getByRole('heading', { name: 'You are offline' })).toBeVisible();
  expect(problems).toEqual([]);
});

test('each page load gets a new nonce, and a script injected into the HTML is blocked', async ({ page }) => {
  const first = (await page.request.get('/signin')).headers()['content-security-policy'];
  const second = (await page.request.get('/signin')).headers()['content-security-policy'];
  const nonce = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? '')?.[1];
  expect(nonce(first)).toBeTruthy();
  expect(nonce(first)).not.toBe(nonce(second));
  expect(first).not.toMatch(/script-src[^;]*'unsafe-inline'/);

  const problems = watchConsole(page);
  await page.route('**/signin', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('</body>', '<script>window.__injected = true</script></body>');
    await route.fulfill({ response, body: html });
  });
  await page.goto('/signin');
  // The page's own scripts (with the nonce) still run: the form is interactive.
  await page.getByLabel('Email').fill('nobody@example.test');
  await expect(page.getByLabel('Email')).toHaveValue('nobody@example.test');
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  expect(problems.some((p) => /Content Security Policy/i.test(p))).toBe(true);
});
