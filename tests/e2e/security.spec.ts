/**
 * Issue 13 against the running server: open redirects, sessions that end on the server, forged
 * grades from another origin, the per-address throttle behind X-Forwarded-For, and bodies capped
 * whatever their transfer encoding.
 */
import { expect, test, type Page } from '@playwright/test';
import { projectBaseURL } from './base-url';
import { reviewLogsOf } from './db';
import { signIn, STUDENT, uniqueEmail } from './helpers';
import { authJsSignOut, credentialsSignIn, rawRequest } from './raw-http';

const origin = () => ({ origin: projectBaseURL() });

async function signUp(page: Page, email: string, path = '/signup') {
  await page.goto(path);
  await page.getByLabel('Your name').fill('Sid Secure');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('a secure test phrase');
  await page.getByRole('button', { name: 'Create account' }).click();
}

async function cookieHeader(page: Page): Promise<string> {
  return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
}

test.describe('callbacks stay on our origin', () => {
  const hostile = ['%2F%09%2Fevil.host', '%2F%5Cevil.host', '%2F%2Fevil.host', 'https%3A%2F%2Fevil.host', '%2Ftoday%0D%0ASet-Cookie%3A%20x%3D1', '%2F%E2%80%AEevil'];

  test('sign-up with a tab-smuggled callback lands on our own /today', async ({ page }) => {
    await signUp(page, uniqueEmail('redirect'), '/signup?callbackUrl=%2F%09%2Fevil.host');
    await expect(page).toHaveURL(`${projectBaseURL()}/today`);
  });

  test('a signed-in visitor is sent only to our own paths, and CR/LF in the callback is no 500', async ({ page }) => {
    await signIn(page, STUDENT);
    await expect(page).toHaveURL(/\/today$/);
    for (const page_ of ['/signin', '/signup']) {
      for (const value of hostile) {
        const res = await page.request.get(`${page_}?callbackUrl=${value}`, { maxRedirects: 0 });
        expect(res.status(), `${page_} ${value}`).toBeLessThan(500);
        expect(res.headers().location ?? '/today', `${page_} ${value}`).toBe('/today');
      }
    }
    const kept = await page.request.get('/signin?callbackUrl=%2Fprogress', { maxRedirects: 0 });
    expect(kept.headers().location).toBe('/progress');
  });

  test('the sign-up action given a CR/LF callback by hand creates the account and redirects cleanly', async ({ page }) => {
    const failures: number[] = [];
    page.on('response', (r) => r.status() >= 500 && failures.push(r.status()));
    await page.goto('/signup');
    await page.evaluate(() => {
      const form = document.querySelector('form');
      const input = document.createElement('input');
      input.type = 'hidden';
      input.name = 'callbackUrl';
      input.value = '/today\r\nSet-Cookie: pwned=1';
      form?.append(input);
    });
    await signUp(page, uniqueEmail('crlf'), page.url());
    await expect(page).toHaveURL(`${projectBaseURL()}/today`);
    expect(failures).toEqual([]);
  });
});

test.describe('sessions the server can end', () => {
  test('after sign-out the same cookie opens nothing: /today redirects to sign-in and /api/reviews answers 401', async ({ page }) => {
    const email = uniqueEmail('signout');
    await signUp(page, email);
    await expect(page).toHaveURL(/\/today$/);
    const stolen = await cookieHeader(page);
    const entry = { clientId: 'after-sign-out-1', cardId: 1, grade: 3, reviewedAt: Date.now(), durationMs: 5 };
    expect((await rawRequest({ path: '/today', headers: { cookie: stolen } })).status).toBe(200);

    await page.getByTestId('sign-out').click();
    await expect(page).toHaveURL(/\/signin/);

    const today = await rawRequest({ path: '/today', headers: { cookie: stolen } });
    expect(today.status).toBeGreaterThanOrEqual(300);
    expect(today.status).toBeLessThan(400);
    expect(String(today.headers.location)).toMatch(/\/signin/);
    const grade = await rawRequest({ method: 'POST', path: '/api/reviews', headers: { cookie: stolen, 'content-type': 'application/json', ...origin() }, body: JSON.stringify({ reviews: [entry] }) });
    expect(grade.status).toBe(401);
    expect(await reviewLogsOf(email)).toEqual([]);
  });

  test("signing out through Auth.js's own endpoint ends the server-side session too", async () => {
    const { cookie } = await credentialsSignIn(STUDENT.email, STUDENT.password);
    if (!cookie) throw new Error('no session cookie');
    expect((await rawRequest({ path: '/today', headers: { cookie } })).status).toBe(200);
    expect(await authJsSignOut(cookie)).toBeLessThan(400);
    expect((await rawRequest({ path: '/today', headers: { cookie } })).status).toBe(307);
  });

  test('Settings lists the signed-in devices; signing one out ends it there, and "Sign out everywhere" ends them all', async ({ browser }) => {
    const email = uniqueEmail('devices');
    const phone = await browser.newContext({ userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36' });
    const laptop = await browser.newContext({ userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15' });
    const onPhone = await phone.newPage();
    const onLaptop = await laptop.newPage();
    await signUp(onPhone, email);
    await expect(onPhone).toHaveURL(/\/today$/);
    await signIn(onLaptop, { email, password: 'a secure test phrase' });
    await expect(onLaptop).toHaveURL(/\/today$/);

    await onLaptop.goto('/settings');
    const rows = onLaptop.getByTestId('session-row');
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: 'This device' })).toContainText('Safari on macOS');
    const phoneRow = rows.filter({ hasText: 'Chrome on Android' });
    await expect(phoneRow).toContainText('Last seen just now');
    await phoneRow.getByRole('button', { name: 'Sign out' }).click();
    await expect(rows).toHaveCount(1);

    await onPhone.goto('/today');
    await expect(onPhone).toHaveURL(/\/signin/);

    await onLaptop.getByRole('button', { name: 'Sign out everywhere' }).click();
    await expect(onLaptop).toHaveURL(/\/signin/);
    await onLaptop.goto('/today');
    await expect(onLaptop).toHaveURL(/\/signin/);
    await phone.close();
    await laptop.close();
  });

  test('a password change ends the other sessions and keeps this one', async ({ browser }) => {
    const email = uniqueEmail('pwchange');
    const a = await (await browser.newContext()).newPage();
    const b = await (await browser.newContext()).newPage();
    await signUp(a, email);
    await signIn(b, { email, password: 'a secure test phrase' });
    await expect(b).toHaveURL(/\/today$/);
    const bCookie = await cookieHeader(b);
    await a.goto('/settings');
    await a.getByLabel('Current password').fill('a secure test phrase');
    await a.getByLabel('New password', { exact: true }).fill('another secure phrase');
    await a.getByLabel('Repeat the new password').fill('another secure phrase');
    await a.getByRole('button', { name: 'Change password' }).click();
    await expect(a.getByTestId('form-ok')).toBeVisible();
    await expect(a.getByTestId('session-row')).toHaveCount(1);
    expect((await rawRequest({ path: '/today', headers: { cookie: bCookie } })).status).toBe(307);
    await a.context().close();
    await b.context().close();
  });
});

test.describe('requests from elsewhere', () => {
  test('a forged grade from another port of the same host (no-cors, text/plain; application/json) is refused', async ({ page }) => {
    const email = uniqueEmail('csrf');
    await signUp(page, email);
    await expect(page).toHaveURL(/\/today$/);
    const cookie = await cookieHeader(page);
    const body = JSON.stringify({ reviews: [{ clientId: 'forged-grade-1', cardId: 1, grade: 4, reviewedAt: Date.now(), durationMs: 5 }] });
    const other = new URL(projectBaseURL());
    other.port = String(Number(other.port) + 7);
    const forged: Record<string, string>[] = [
      { 'content-type': 'text/plain; application/json', origin: other.origin, 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'no-cors' },
      { 'content-type': 'application/json', origin: other.origin, 'sec-fetch-site': 'same-site' },
      { 'content-type': 'application/json', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of forged) {
      expect((await rawRequest({ method: 'POST', path: '/api/reviews', headers: { cookie, ...headers }, body })).status).toBe(403);
      expect((await rawRequest({ method: 'POST', path: '/api/reviews/undo', headers: { cookie, ...headers }, body: '{"clientId":"forged-grade-1"}' })).status).toBe(403);
    }
    expect((await rawRequest({ method: 'POST', path: '/api/reviews', headers: { cookie, 'content-type': 'text/plain; application/json', ...origin() }, body })).status).toBe(415);
    expect(await reviewLogsOf(email)).toEqual([]);
  });

  test('a rotating X-Forwarded-For does not escape the per-address sign-in throttle', async () => {
    // An address of this test's own (Linux routes all of 127/8 to loopback), so no other test is locked out.
    const localAddress = `127.0.${1 + Math.floor(Math.random() * 250)}.${2 + Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < 30; i++) {
      const res = await credentialsSignIn(uniqueEmail(`spray${i}`), 'wrong password here', { localAddress, headers: { 'x-forwarded-for': `198.51.100.${i}` } });
      expect(res.location, `try ${i}`).toMatch(/code=invalid/);
    }
    const locked = await credentialsSignIn(STUDENT.email, STUDENT.password, { localAddress, headers: { 'x-forwarded-for': '203.0.113.99' } });
    expect(locked.location).toMatch(/code=locked/);
    expect(locked.cookie).toBeUndefined();
    // Another address is not affected.
    expect((await credentialsSignIn(STUDENT.email, STUDENT.password)).cookie).toBeTruthy();
  });
});

test.describe('bodies are capped whatever the transfer encoding', () => {
  const MB = 1024 * 1024;
  test('a chunked body over the cap gets 413 from /api/reviews and from a server-action post, and the server keeps serving', async ({ page }) => {
    await signUp(page, uniqueEmail('chunked'));
    await expect(page).toHaveURL(/\/today$/);
    const cookie = await cookieHeader(page);
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const api = await rawRequest({ method: 'POST', path: '/api/reviews', headers: { cookie, 'content-type': 'application/json', ...origin(), 'transfer-encoding': 'chunked' }, body: { chunk, count: 64 } });
    expect(api.status).toBe(413);
    const action = await rawRequest({
      method: 'POST',
      path: '/settings',
      headers: { cookie, 'content-type': 'multipart/form-data; boundary=x', ...origin(), 'next-action': 'a'.repeat(42), 'transfer-encoding': 'chunked' },
      body: { chunk, count: (2 * MB) / chunk.length },
    });
    expect(action.status).toBe(413);
    expect((await rawRequest({ path: '/api/health' })).status).toBe(200);
  });
});
