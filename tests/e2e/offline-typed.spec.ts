/**
 * A typed answer marked wrong travels with its grade (issue 11): answered and overruled offline,
 * kept on the device through a reload, sent with the grade when the connection returns, recorded
 * once, and listed in the instructor's item view with its overrule.
 */
import { expect, test } from '@playwright/test';
import { demoJoinCode, e2eAll } from './db';
import { INSTRUCTOR, signIn, signOut, uniqueEmail } from './helpers';
import { answerCardCorrectly } from './review-helpers';
import { signUp } from './teach-helpers';

function typedAnswersOf(email: string) {
  return e2eAll<{ answer: string; overruled: number; clientId: string; grades: number }>(
    `SELECT t.answer, t.overruled, t.client_id AS "clientId", (SELECT count(*) FROM review_logs l WHERE l.user_id = t.user_id AND l.client_id = t.client_id) AS grades
     FROM typed_answers t JOIN users u ON u.id = t.user_id WHERE u.email = ? ORDER BY t.id`,
    email,
  );
}

test('a wrong typed answer overruled offline reaches the instructor once, with its grade', async ({ page, context, isMobile }, testInfo) => {
  test.setTimeout(180_000);
  const email = uniqueEmail('typed-offline');
  const WRONG = `Askar Akayev ${testInfo.project.name}`;
  await page.goto(`/join/${await demoJoinCode()}`);
  await page.getByRole('link', { name: 'Create an account' }).click();
  await signUp(page, 'Tia Typer', email, { alreadyOnPage: true });
  await page.getByRole('button', { name: 'Join class' }).click();
  await expect(page.getByTestId('join-done')).toBeVisible();

  await page.goto('/review/war-for-peace');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  await expect.poll(() => page.evaluate(async () => Boolean(await caches.match(location.pathname))), { timeout: 15_000 }).toBe(true);

  await context.setOffline(true);
  // Grade cards until a typed one comes up (answered correctly: a right typed answer on the way is kept too, as right).
  let graded = 0;
  let previous = '';
  for (let guard = 0; guard < 30; guard++) {
    const prompt = page.locator('.prompt').first();
    await expect(prompt).not.toHaveText(previous); // the next card is on screen
    previous = (await prompt.textContent()) ?? '';
    if (await page.getByLabel('Your answer').isVisible()) break;
    await answerCardCorrectly(page, 3, isMobile);
    graded += 1;
    await expect(page.getByTestId('sync-status')).toHaveAttribute('data-pending', String(graded));
  }
  const box = page.getByLabel('Your answer');
  await expect(box).toBeVisible();
  await box.fill(WRONG);
  await box.press('Enter');
  await expect(page.getByTestId('verdict')).toContainText('Not quite');
  if (isMobile) await page.getByTestId('overrule').tap();
  else {
    await page.getByTestId('overrule').focus();
    await page.keyboard.press('Enter');
  }
  await expect(page.getByTestId('verdict')).toContainText('You marked your answer right');
  if (isMobile) await page.getByTestId('grade-3').tap();
  else await page.keyboard.press('3');
  await expect(page.getByTestId('announce')).toHaveText(/^Graded Good\./);
  graded += 1;
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-pending', String(graded));
  expect(await typedAnswersOf(email)).toEqual([]);

  // Still offline: the page and the waiting grade, typed answer included, survive a reload.
  await page.reload();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-pending', String(graded));
  const kept = await page.evaluate(async () => {
    const open = indexedDB.open('keyval-store');
    const store = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const read = <T,>(request: (s: IDBObjectStore) => IDBRequest<T>) =>
      new Promise<T>((resolve) => {
        const r = request(store.transaction('keyval').objectStore('keyval'));
        r.onsuccess = () => resolve(r.result);
      });
    const key = (await read((s) => s.getAllKeys())).find((k) => String(k).startsWith('recall:outbox:'));
    return (await read((s) => s.get(key as IDBValidKey))) as { clientId: string; typed?: { answer: string; overruled: boolean } }[];
  });
  expect(kept).toHaveLength(graded);
  expect(kept.filter((g) => g.typed?.answer === WRONG).map((g) => g.typed)).toEqual([{ answer: WRONG, overruled: true }]);

  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect(page.getByTestId('sync-status')).toHaveText('All saved', { timeout: 20_000 });
  // Recorded once, with the grade it came with.
  const wrongOnes = async () => (await typedAnswersOf(email)).filter((t) => t.answer === WRONG);
  await expect.poll(async () => (await wrongOnes()).length).toBe(1);
  const typedGrade = kept.find((g) => g.typed?.answer === WRONG);
  expect(await wrongOnes()).toEqual([{ answer: WRONG, overruled: 1, clientId: typedGrade?.clientId, grades: 1 }]);
  // The same batch sent again (an answer lost on the way): every grade is a duplicate, nothing is added.
  const resent = await page.evaluate(async (reviews) => {
    const r = await fetch('/api/reviews', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reviews }) });
    return ((await r.json()) as { results: { status: string }[] }).results.map((x) => x.status);
  }, kept);
  expect(new Set(resent)).toEqual(new Set(['duplicate']));
  const allTyped = (await typedAnswersOf(email)).length;
  expect(await wrongOnes()).toHaveLength(1);

  await page.goto('/today');
  await signOut(page);
  await signIn(page, INSTRUCTOR);
  await expect(page).not.toHaveURL(/\/signin/);
  await page.goto('/teach');
  await page.getByRole('link', { name: /POLS 210/ }).first().click();
  const row = page.getByTestId('typed-answers').getByTestId('wrong-answer').filter({ hasText: WRONG });
  await expect(row).toBeVisible();
  await expect(row.getByTestId('overrule-count')).toHaveText('1');
  expect(await typedAnswersOf(email)).toHaveLength(allTyped);
});
