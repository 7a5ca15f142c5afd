/**
 * Grades whose answer from the server was lost: undo must still reach the server, the outbox must
 * never re-send an undone grade into a 500, and every grade must settle ("All saved").
 */
import { expect, test, type Page, type Route } from '@playwright/test';
import { reviewLogsOf } from './db';
import { uniqueEmail } from './helpers';
import { answerCardCorrectly } from './review-helpers';

// A service worker would take the app's requests out of the page's sight (page.route would miss them);
// these tests are about the outbox and the server, not about the worker.
test.use({ serviceWorkers: 'block' });

async function startAsNewStudent(page: Page, email: string) {
  await page.goto('/signup');
  await page.getByLabel('Your name').fill('Sid Sync');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('the train goes into a tunnel');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/today$/);
  await page.goto('/review/war-for-peace');
}

/** Records every 5xx answer the app gets from its own API. */
function watchServerErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('response', (r) => {
    if (r.url().includes('/api/') && r.status() >= 500) errors.push(`${r.status()} ${r.url()}`);
  });
  return errors;
}

async function pressUndo(page: Page, isMobile: boolean) {
  if (isMobile) await page.getByTestId('undo').tap();
  else {
    // The next card may have put the cursor in its answer box: Escape leaves it, then U undoes.
    await page.keyboard.press('Escape');
    await page.keyboard.press('u');
  }
}

async function undo(page: Page, isMobile: boolean) {
  await pressUndo(page, isMobile);
  await expect(page.getByTestId('announce')).toHaveText('Last grade undone.');
}

test('a first grade undone while its answer is being lost is never re-sent into an error', async ({ page, context, isMobile }) => {
  const email = uniqueEmail('sync-inflight');
  const errors = watchServerErrors(page);
  await startAsNewStudent(page, email);

  // The first batch reaches the server, which records it; the answer is held, then lost.
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  let reached = () => {};
  const atServer = new Promise<void>((r) => (reached = r));
  let first = true;
  await page.route('**/api/reviews', async (route: Route) => {
    if (!first) return route.continue();
    first = false;
    await route.fetch();
    reached();
    await held;
    await route.abort('failed');
  });

  await answerCardCorrectly(page, 3, isMobile);
  await atServer;
  // Undo while the grade is on its way: the undo waits for the send, which fails, then asks the server.
  await pressUndo(page, isMobile);
  release();
  await expect(page.getByTestId('announce')).toHaveText('Last grade undone.');

  // Two more grades made offline, then the connection comes back.
  await context.setOffline(true);
  await answerCardCorrectly(page, 3, isMobile);
  await answerCardCorrectly(page, 3, isMobile);
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-pending', '2');
  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect(page.getByTestId('sync-status')).toHaveText('All saved', { timeout: 20_000 });
  // Time for any retry of the undone grade to happen (the first back-off is 1 s).
  await page.waitForTimeout(2500);
  await expect(page.getByTestId('sync-status')).toHaveText('All saved');

  const logs = await reviewLogsOf(email);
  expect(logs).toHaveLength(3);
  expect(logs.filter((l) => l.undoneAt !== null)).toHaveLength(1);
  expect(errors).toEqual([]);
});

test('undoing a grade whose answer was lost undoes it on the server too', async ({ page, isMobile }) => {
  const email = uniqueEmail('sync-lost');
  const errors = watchServerErrors(page);
  await startAsNewStudent(page, email);

  let lost = 0;
  await page.route('**/api/reviews', async (route: Route) => {
    if (lost > 0) return route.continue();
    lost += 1;
    await route.fetch();
    await route.abort('failed');
  });
  await answerCardCorrectly(page, 3, isMobile);
  await expect(page.getByTestId('sync-status')).toContainText('retrying');
  // The server has the grade although the device never heard so: undo must not just drop it here.
  await undo(page, isMobile);
  await expect(page.getByTestId('sync-status')).toHaveText('All saved', { timeout: 20_000 });
  await answerCardCorrectly(page, 4, isMobile);
  await expect(page.getByTestId('sync-status')).toHaveText('All saved', { timeout: 20_000 });

  const logs = await reviewLogsOf(email);
  expect(logs.map((l) => l.undoneAt !== null)).toEqual([true, false]);
  expect(errors).toEqual([]);
});

test('without IndexedDB the review screen says grades are not kept on the device, and still saves them online', async ({ page, isMobile }) => {
  const email = uniqueEmail('sync-nostorage');
  const errors = watchServerErrors(page);
  // As in a browser whose storage is blocked: opening a database throws.
  await page.addInitScript(() => {
    IDBFactory.prototype.open = () => {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
  });
  await startAsNewStudent(page, email);
  const warning = page.getByTestId('storage-warning');
  await expect(warning).toContainText('Grades are not being kept on this device');

  // The server is slow to answer: the grades wait in the page meanwhile.
  let open = () => {};
  const gate = new Promise<void>((r) => (open = r));
  await page.route('**/api/reviews', async (route: Route) => {
    await gate;
    await route.continue();
  });
  await answerCardCorrectly(page, 3, isMobile);
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-pending', '1');
  await expect(warning).toContainText('leaving this page now loses the 1 grade not yet sent');
  await answerCardCorrectly(page, 3, isMobile);
  await expect(warning).toContainText('the 2 grades not yet sent');

  open();
  await expect(page.getByTestId('sync-status')).toHaveText('All saved', { timeout: 20_000 });
  expect(await reviewLogsOf(email)).toHaveLength(2);
  expect(errors).toEqual([]);
});
