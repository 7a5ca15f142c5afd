/**
 * Hostile input against the running app: the grading API over real HTTP, oversized fields sent
 * through the sign-in and sign-up forms, and the security properties of responses and cookies.
 */
import { expect, test, type APIResponse, type Page } from '@playwright/test';
import { e2eGet, reviewLogsOf } from './db';
import { signIn, STUDENT, uniqueEmail } from './helpers';
import { rawRequest } from './raw-http';
import { projectBaseURL } from './base-url';
import { HOSTILE_FORM_POSTS, HOSTILE_REPLIES, SOUND_FORM_POSTS, SOUND_REPLIES, type ReplyField } from '../fixtures/action-replies';

const MB = 'a'.repeat(1024 * 1024);

/** A multipart body as React's client sends an action's arguments, with file parts where asked. */
function multipart(fields: ReplyField[], boundary = 'recallzz'): string {
  const parts = fields.map(([name, value]) =>
    typeof value === 'string'
      ? `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`
      : `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="blob"\r\nContent-Type: application/octet-stream\r\n\r\n${value.file}\r\n`,
  );
  return `${parts.join('')}--${boundary}--\r\n`;
}

async function expectRefused(response: APIResponse, status: number) {
  const text = await response.text();
  expect(response.status(), text.slice(0, 200)).toBe(status);
  expect(text).not.toMatch(/\n\s+at |Error:|node_modules/);
}

/** Types into the fields the way a script or devtools can: past maxlength and any client check. */
async function forceValues(page: Page, values: Record<string, string>) {
  await page.evaluate((v) => {
    for (const [name, value] of Object.entries(v)) {
      const input = document.querySelector<HTMLInputElement>(`input[name="${name}"]`);
      if (!input) throw new Error(`no input ${name}`);
      input.removeAttribute('maxlength');
      input.value = value;
    }
  }, values);
}

test('the grading API answers hostile requests with 4xx, never a 5xx, and records nothing', async ({ page }) => {
  const email = uniqueEmail('hostile');
  await page.goto('/signup');
  await page.getByLabel('Your name').fill('Hal Hostile');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('hostile-pass-123');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/today$/);

  // As the review screen sends it: the browser adds Origin to every POST (the routes refuse requests without).
  const json = { 'content-type': 'application/json', origin: new URL(page.url()).origin };
  const entry = { clientId: 'hostile-entry-1', cardId: 99_999_999, grade: 3, reviewedAt: Date.now(), durationMs: 5 };
  await expectRefused(await page.request.post('/api/reviews', { headers: json, data: '{"reviews": [' }), 400);
  await expectRefused(await page.request.post('/api/reviews', { headers: { ...json, 'content-type': 'text/plain' }, data: JSON.stringify({ reviews: [entry] }) }), 415);
  await expectRefused(await page.request.post('/api/reviews', { headers: json, data: JSON.stringify({ reviews: [{ ...entry, clientId: MB }] }) }), 413);
  await expectRefused(await page.request.post('/api/reviews', { headers: json, data: JSON.stringify({ reviews: Array.from({ length: 501 }, () => entry) }) }), 400);
  await expectRefused(await page.request.post('/api/reviews/undo', { headers: json, data: JSON.stringify({ clientId: MB }) }), 413);
  await expectRefused(await page.request.post('/api/reviews/undo', { headers: json, data: JSON.stringify({ clientId: 'not-a-review-of-mine' }) }), 404);
  const rejected = await page.request.post('/api/reviews', { headers: json, data: JSON.stringify({ reviews: [entry, { ...entry, clientId: 'hostile-entry-2', grade: 'good' }] }) });
  expect(rejected.status()).toBe(200);
  expect(((await rejected.json()) as { results: { status: string }[] }).results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  // Signed out, the API refuses instead of redirecting.
  await expectRefused(await page.request.post('/api/reviews', { headers: { ...json, cookie: '' }, data: JSON.stringify({ reviews: [entry] }) }), 401);
  expect(await reviewLogsOf(email)).toEqual([]);
});

test('megabyte-long names, emails and passwords get field errors, never a server error', async ({ page }) => {
  const failures: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 500) failures.push(`${r.status()} ${r.url()}`);
  });
  // Pasted into the form: the fields stop at their limits and the server explains what is wrong.
  await page.goto('/signup');
  await page.getByLabel('Your name').fill(MB);
  await page.getByLabel('Email').fill(MB);
  await page.getByLabel('Password').fill(MB);
  expect((await page.getByLabel('Email').inputValue()).length).toBe(254);
  expect((await page.getByLabel('Password').inputValue()).length).toBe(200);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Enter a valid email address.')).toBeVisible();

  await page.goto('/signin');
  await page.getByLabel('Email').fill(MB);
  await page.getByLabel('Password').fill(MB);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Enter a valid email address.')).toBeVisible();

  // Past the limits (devtools, a script): the server's own checks give the same field errors.
  await page.goto('/signup');
  await forceValues(page, { name: 'N'.repeat(100_000), email: `${'e'.repeat(100_000)}@example.test`, password: 'p'.repeat(100_000) });
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Use at most 80 characters.')).toBeVisible();
  await expect(page.getByText('That email address is too long.')).toBeVisible();
  await expect(page.getByText('Use at most 200 characters.')).toBeVisible();
  await expect(page).toHaveURL(/\/signup/);
  expect(failures).toEqual([]);
});

test('a server-action body over 1 MB is refused with 413 and a generic message', async ({ page }) => {
  const statuses: number[] = [];
  page.on('response', (r) => {
    if (r.request().method() === 'POST' && r.url().includes('/signin')) statuses.push(r.status());
  });
  await page.goto('/signin');
  await forceValues(page, { email: `${MB}@example.test`, password: MB });
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Something went wrong' })).toBeVisible();
  await expect(page.locator('body')).not.toContainText(/Body exceeded|node_modules|\bat [\w.]+ \(/);
  expect(statuses).toEqual([413]);
});

test('session cookies are httpOnly and SameSite=Lax, Secure with a __Secure- name behind https, and pages carry the security headers', async ({ page, context }) => {
  await page.goto('/signup');
  await page.getByLabel('Your name').fill('Hedda Headers');
  await page.getByLabel('Email').fill(uniqueEmail('headers'));
  await page.getByLabel('Password').fill('headers-pass-123');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/today$/);
  const session = (await context.cookies()).find((c) => c.name === 'authjs.session-token');
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false, path: '/' });

  const response = await page.request.get('/today');
  const headers = response.headers();
  expect(headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'strict-origin-when-cross-origin' });
  expect(headers['permissions-policy']).toContain('camera=()');
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-powered-by']).toBeUndefined();
  expect((await page.request.get('/api/health')).headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");

  // Behind a TLS-terminating proxy (x-forwarded-proto: https), Auth.js switches to __Secure-/__Host- cookies with Secure.
  const csrf = await page.request.get('/api/auth/csrf', { headers: { 'x-forwarded-proto': 'https' } });
  const setCookies = csrf.headersArray().filter((h) => h.name.toLowerCase() === 'set-cookie').map((h) => h.value);
  expect(setCookies.some((c) => /^__Host-authjs\.csrf-token=/.test(c) && /;\s*Secure/i.test(c) && /HttpOnly/i.test(c) && /SameSite=Lax/i.test(c))).toBe(true);
});

test('malformed action payloads, cross-origin actions, bad escapes and refused quiz reads get a 4xx, never a 5xx', async ({ page }) => {
  // The sign-in form's action id, as the browser sends it.
  let actionId = '';
  page.on('request', (r) => {
    actionId = r.headers()['next-action'] ?? actionId;
  });
  await signIn(page, { email: uniqueEmail('nobody'), password: 'wrong password here' });
  await expect(page.getByTestId('form-error')).toBeVisible();
  expect(actionId).toMatch(/^[0-9a-f]+$/);
  const origin = new URL(page.url()).origin;
  const users = async () => (await e2eGet<{ n: number }>('SELECT count(*) AS n FROM users'))?.n;
  const before = await users();
  const action = (body: string, headers: Record<string, string> = {}) =>
    rawRequest({ method: 'POST', path: '/signup', headers: { 'next-action': actionId, 'content-type': 'text/plain;charset=UTF-8', origin, accept: 'text/x-component', ...headers }, body });

  // A non-form argument reaches the action, which says so (the RSC answer is a 200 carrying the refusal).
  for (const body of ['[{},42]', '[{},"text"]', '[]', '[{},{"email":"a@b.test","password":"x"}]']) {
    const res = await action(body);
    expect(res.status, body).toBe(200);
    expect(res.text).toContain('Send the form.');
  }
  // Payloads React cannot decode: refused by the proxy instead of Next's 500.
  for (const body of ['not json', '[{"$":1}', '["$Q1"]', '[{},"$@1"]']) expect((await action(body)).status, body).toBe(400);
  const brokenPart = '--zz\r\nContent-Disposition: form-data; name="0"\r\n\r\n{broken\r\n--zz--\r\n';
  expect((await action(brokenPart, { 'content-type': 'multipart/form-data; boundary=zz' })).status).toBe(400);
  // Multipart replies whose parts reference each other: a dangling, cyclic or wrong-kind reference is refused.
  const multipartType = { 'content-type': 'multipart/form-data; boundary=recallzz' };
  for (const [label, fields] of HOSTILE_REPLIES) {
    const res = await action(multipart(fields), multipartType);
    expect(res.status, label).toBe(400);
    expect(res.text, label).toBe('Malformed request.');
  }
  // Sound ones reach the action, which refuses what is not its form in its own words.
  for (const [label, fields] of SOUND_REPLIES) {
    const res = await action(multipart(fields), multipartType);
    expect(res.status, label).toBe(200);
  }
  expect((await action('[]', { 'next-action': 'not an id' })).status).toBe(400);
  expect((await action('[{},42]', { origin: 'http://evil.example' })).status).toBe(403);
  expect(await users()).toBe(before);

  await signIn(page, STUDENT);
  await expect(page).toHaveURL(/\/today$/);
  // A NUL anywhere in the address is refused too: PostgreSQL cannot hold one, so a deck id carrying it was a 500 there (measured: deckNotesFor threw).
  const nul = ['/decks/war-for-peace%00/notes', '/join/ABCD%00EF', '/quiz/war-for-peace%00', '/today?tab=%00', '/progress?x%00=1'];
  for (const path of ['/quiz/%E0%A4%A', '/quiz/attempt/%ZZ', '/decks/%C0%AF/notes', '/join/%FF', '/review/%', ...nul]) {
    expect((await page.request.get(path, { maxRedirects: 0 })).status(), path).toBe(400);
  }
  // A quiz attempt that is not yours (or no longer yours) is a 404 with the right status, not a 200 page.
  for (const path of ['/quiz/attempt/99999999', '/quiz/attempt/99999999/result', '/quiz/no-such-deck']) {
    expect((await page.request.get(path, { maxRedirects: 0 })).status(), path).toBe(404);
  }
  expect((await page.request.get('/api/health')).status()).toBe(200);
});

test('forms posted without JavaScript: hostile bound arguments get 400, and a real no-JS sign-in still works', async ({ browser }) => {
  const post = (fields: ReplyField[]) =>
    rawRequest({ method: 'POST', path: '/signin', headers: { 'content-type': 'multipart/form-data; boundary=recallzz', origin: projectBaseURL() }, body: multipart(fields) });
  for (const [label, fields] of HOSTILE_FORM_POSTS) {
    const res = await post(fields);
    expect(res.status, label).toBe(400);
    expect(res.text, label).toBe('Malformed request.');
  }
  for (const [label, fields] of SOUND_FORM_POSTS) expect((await post(fields)).status, label).toBeLessThan(500);

  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/signin');
  await page.getByLabel('Email').fill(STUDENT.email);
  await page.getByLabel('Password').fill(STUDENT.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/today$/);
  await context.close();
});
