/**
 * Password reset through its server actions, with mail delivered to a real SMTP server: a link
 * works once, a later request kills the earlier link, an expired link is refused, an unknown email
 * gets the same answer and no mail, and setting the password signs the account out everywhere.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { int } from '@/db/engine/rows';
import { authThrottle, passwordResetTokens, sessions, users } from '@/db/schema';
import { createSession } from '@/db/queries/sessions';
import { storeResetToken } from '@/db/queries/password-reset';
import { verifyPassword } from '@/lib/auth/password';
import { newResetToken, RESET_TOKEN_TTL_MS } from '@/lib/auth/reset-token';
import { countOf, exec, makeUser } from '../support/fixtures';
import { startSmtpCatcher, type SmtpCatcher } from '../support/smtp-catcher';

const pending = vi.hoisted(() => ({ tasks: [] as Promise<unknown>[] }));
// The session module pulls in Auth.js, which needs a Next.js runtime; these actions never use it.
vi.mock('@/app/_lib/session', () => ({ currentUser: async () => null }));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-forwarded-for': '203.0.113.9' }) }));
vi.mock('next/server', () => ({ after: (task: () => Promise<unknown>) => pending.tasks.push(task()) }));
vi.mock('next/navigation', () => ({
  redirect: (to: string) => {
    throw Object.assign(new Error('NEXT_REDIRECT'), { to });
  },
}));

const { requestPasswordResetAction, resetPasswordAction } = await import('@/app/(auth)/reset-actions');

let smtp: SmtpCatcher;
beforeAll(async () => {
  smtp = await startSmtpCatcher();
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = 'Recall <recall@test.example>';
  process.env.APP_URL = 'https://recall.test.example';
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
  await smtp.close();
});
beforeEach(async () => {
  await exec(sql`DELETE FROM ${authThrottle}`);
});

const accountRow = z.object({ passwordHash: z.string(), sessionVersion: int });
async function account(userId: number) {
  const row = await (await engine()).get(sql`SELECT ${users.passwordHash} AS "passwordHash", ${users.sessionVersion} AS "sessionVersion" FROM ${users} WHERE ${users.id} = ${userId}`, accountRow);
  if (!row) throw new Error(`no user ${userId}`);
  return row;
}
const tokensOf = async (userId: number) =>
  (await engine()).all(sql`SELECT ${passwordResetTokens.tokenHash} AS "tokenHash" FROM ${passwordResetTokens} WHERE ${passwordResetTokens.userId} = ${userId}`, z.object({ tokenHash: z.string() }));

async function settle() {
  await Promise.all(pending.tasks.splice(0));
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

async function ask(email: string) {
  const result = await requestPasswordResetAction(null, form({ email }));
  await settle();
  return result;
}

function tokenOf(text: string | undefined): string {
  const match = /https:\/\/recall\.test\.example\/reset-password\?token=([A-Za-z0-9_-]{43})/.exec(text ?? '');
  expect(match, text).not.toBeNull();
  return match![1]!;
}

async function reset(token: string, password = 'a fresh long passphrase') {
  try {
    return await resetPasswordAction(null, form({ token, newPassword: password, confirmPassword: password }));
  } catch (error) {
    return { redirected: (error as { to?: string }).to };
  }
}

describe('password reset', () => {
  it('mails a link that sets the password once and signs every session out', async () => {
    const user = await makeUser();
    await createSession(user.id, 'Chrome on Linux', Date.now());
    await createSession(user.id, 'Safari on iOS', Date.now());
    const before = (await account(user.id)).sessionVersion;

    const result = await ask(user.email.toUpperCase());
    expect(result).toMatchObject({ ok: true });
    const mail = smtp.messages.at(-1)!;
    expect(mail.subject).toBe('Reset your Recall password');
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe(user.email);
    const token = tokenOf(mail.text);
    expect(mail.html).toContain(`href="https://recall.test.example/reset-password?token=${token}"`);
    // Only the hash is stored.
    const stored = await tokensOf(user.id);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).not.toContain(token);

    expect(await reset(token)).toEqual({ redirected: '/signin?reset=1' });
    const row = await account(user.id);
    expect(await verifyPassword(row.passwordHash, 'a fresh long passphrase')).toBe(true);
    expect(await verifyPassword(row.passwordHash, 'integration-pass')).toBe(false);
    expect(row.sessionVersion).toBe(before + 1);
    expect(await countOf(sql`SELECT count(*) AS "n" FROM ${sessions} WHERE ${sessions.userId} = ${user.id}`)).toBe(0);

    // Single use.
    expect(await reset(token, 'another long passphrase')).toMatchObject({ ok: false, error: expect.stringContaining('expired or was already used') });
    expect(await verifyPassword((await account(user.id)).passwordHash, 'a fresh long passphrase')).toBe(true);
  });

  it('a later request makes the earlier link useless', async () => {
    const user = await makeUser();
    await ask(user.email);
    const first = tokenOf(smtp.messages.at(-1)!.text);
    await ask(user.email);
    const second = tokenOf(smtp.messages.at(-1)!.text);
    expect(second).not.toBe(first);
    expect(await reset(first)).toMatchObject({ ok: false });
    expect(await reset(second)).toEqual({ redirected: '/signin?reset=1' });
  });

  it('refuses an expired link and writes nothing', async () => {
    const user = await makeUser();
    const old = newResetToken(Date.now() - RESET_TOKEN_TTL_MS - 1000);
    await storeResetToken(user.id, old);
    expect(await reset(old.token)).toMatchObject({ ok: false, error: expect.stringContaining('expired') });
    const row = await account(user.id);
    expect(await verifyPassword(row.passwordHash, 'integration-pass')).toBe(true);
  });

  it('answers an unknown email exactly like a known one, and sends nothing', async () => {
    const user = await makeUser();
    const known = await ask(user.email);
    const sent = smtp.messages.length;
    const unknown = await ask('nobody-here@test.example');
    expect(unknown).toEqual(known);
    expect(smtp.messages.length).toBe(sent);
    // No token was stored for it either: the table holds only the known account's one.
    expect(await tokensOf(user.id)).toHaveLength(1);
  });

  it('refuses a weak password or a malformed token with field errors, not an exception', async () => {
    const user = await makeUser();
    await ask(user.email);
    const token = tokenOf(smtp.messages.at(-1)!.text);
    expect(await reset(token, 'password12')).toMatchObject({ ok: false, fieldErrors: { newPassword: expect.any(Array) } });
    expect(await reset('not-a-token')).toMatchObject({ ok: false, fieldErrors: { token: ['This link is not complete.'] } });
    // The refused attempts did not spend the token.
    expect(await reset(token)).toEqual({ redirected: '/signin?reset=1' });
  });

  it('throttles requests per account, whether or not it exists', async () => {
    for (const email of ['throttle-me@test.example']) {
      for (let i = 0; i < 5; i++) expect(await ask(email)).toMatchObject({ ok: true });
      expect(await ask(email)).toMatchObject({ ok: false, error: expect.stringContaining('Too many password reset attempts') });
    }
    // Another account from the same address still may.
    expect(await ask('someone-else@test.example')).toMatchObject({ ok: true });
  });

  it('throttles wrong links per address', async () => {
    const junk = 'A'.repeat(43);
    for (let i = 0; i < 30; i++) expect(await reset(junk)).toMatchObject({ ok: false, error: expect.stringContaining('expired') });
    expect(await reset(junk)).toMatchObject({ ok: false, error: expect.stringContaining('Too many password reset attempts') });
  });
});
