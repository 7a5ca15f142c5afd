import { expect, test, type Page } from '@playwright/test';
import { e2eAll } from './db';
import { signIn, signOut, STUDENT, uniqueEmail } from './helpers';
import { answerCardCorrectly } from './review-helpers';

test('grades made offline survive a reload and reach the server once each, in order', async ({ page, context, isMobile }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail('offline');
  await page.goto('/signup');
  await page.getByLabel('Your name').fill('Olive Offline');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('no signal on the bus');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/today$/);

  await page.goto('/review/war-for-peace');
  // Wait until the service worker controls the page and has kept this page for offline use.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  await expect
    .poll(() => page.evaluate(async () => (await caches.keys()).length > 0 && Boolean(await caches.match(location.pathname))), { timeout: 15_000 })
    .toBe(true);

  await context.setOffline(true);
  const graded: string[] = [];
  for (let i = 0; i < 10; i++) graded.push(await answerCardCorrectly(page, 4, isMobile));
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-pending', '10');
  await expect(page.getByTestId('sync-status')).toContainText('10 waiting to sync');

  // Still offline: the page comes from the service worker, the pending grades from IndexedDB.
  await page.reload();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-pending', '10');
  const shownAfterReload = (await page.locator('.prompt').first().textContent()) ?? '';
  expect(graded).not.toContain(shownAfterReload);

  // Still offline, answers are checked on the device: its checker, loaded on first use, comes from the worker's cache.
  let checkedOffline = false;
  while (!checkedOffline && graded.length < 16) {
    checkedOffline = !(await page.getByTestId('reveal').isVisible());
    graded.push(await answerCardCorrectly(page, 4, isMobile));
    await expect(page.getByTestId('sync-status')).toHaveAttribute('data-pending', String(graded.length));
  }
  expect(checkedOffline).toBe(true);

  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect(page.getByTestId('sync-status')).toHaveText('All saved', { timeout: 20_000 });

  const rows = await e2eAll<{ clientId: string; payload: string; rating: number }>(
    `SELECT l.client_id AS "clientId", c.payload, l.rating FROM review_logs l JOIN users u ON u.id = l.user_id JOIN cards c ON c.id = l.card_id
     WHERE u.email = ? ORDER BY l.reviewed_at, l.id`,
    email,
  );
  expect(rows).toHaveLength(graded.length);
  expect(new Set(rows.map((r) => r.clientId)).size).toBe(graded.length);
  expect(rows.every((r) => r.rating === 4)).toBe(true);
  // Same cards, in the order they were graded.
  const prompts = rows.map((r) => {
    const p = JSON.parse(r.payload) as Record<string, unknown> & { parts?: { text: string }[] };
    return String(p.question ?? p.statement ?? p.front ?? '');
  });
  prompts.forEach((p, i) => {
    const shown = graded[i] as string;
    if (p) expect(shown.replace(/\s+/g, ' ').trim()).toContain(p.replace(/\s+/g, ' ').trim().slice(0, 20).replace(/\[.*$/, '').trim());
  });
});

/** Signs the demo student in and waits until the worker keeps Today; returns a probe of that cache entry. */
async function signInWithTodayKept(page: Page) {
  await signIn(page, STUDENT);
  await expect(page).toHaveURL(/\/today$/);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The page asks the worker to keep it once the worker is active: wait until Today is cached.
  const todayCached = () => page.evaluate(async () => Boolean(await caches.match('/today')));
  await page.reload();
  await expect.poll(todayCached, { timeout: 15_000 }).toBe(true);
  return todayCached;
}

test('signing out forgets the pages kept for offline use', async ({ page }) => {
  const todayCached = await signInWithTodayKept(page);
  await signOut(page);
  await expect(page.getByTestId('signed-out')).toBeVisible();
  // The sign-in page may be cached again; the signed-in user's Today must not be.
  await expect.poll(todayCached).toBe(false);
});

test('a sign-out that reloads the page (before the page was interactive) still forgets the kept pages', async ({ page, context }) => {
  const todayCached = await signInWithTodayKept(page);
  // What a form posted without JavaScript ends with: no session, and the sign-in page flagged by the action's redirect.
  await context.clearCookies();
  await page.goto('/signin?signedOut=1');
  await expect(page.getByTestId('signed-out')).toBeVisible();
  await expect.poll(todayCached).toBe(false);
});

test('offline, a page never opened shows the app’s offline page, not the browser’s error', async ({ page, context }) => {
  await signInWithTodayKept(page);
  // The offline page is precached when the worker installs.
  await expect.poll(() => page.evaluate(async () => Boolean(await caches.match('/offline', { ignoreSearch: true })))).toBe(true);
  expect(await page.evaluate(async () => Boolean(await caches.match('/settings')))).toBe(false);
  await context.setOffline(true);
  await page.goto('/settings');
  await expect(page.getByRole('heading', { name: 'You are offline' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to Today' }).click();
  await expect(page).toHaveURL(/\/today$/);
  await context.setOffline(false);
});
