/**
 * Email verification (issue 17) through its server actions, with mail delivered to a real SMTP
 * server: sign-up with REQUIRE_EMAIL_VERIFICATION=1 mails a link; joining a class is refused until
 * the link is used; the link works once, only the newest works, an expired one is refused; resend
 * is throttled; without the setting nothing is asked; seeded accounts count as verified.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { int } from '@/db/engine/rows';
import { authThrottle, classes, emailVerificationTokens, enrollments, users } from '@/db/schema';
import { createClass } from '@/db/queries/classes';
import { joinClass } from '@/db/queries/join';
import { storeVerificationToken } from '@/db/queries/email-verification';
import { newResetToken } from '@/lib/auth/reset-token';
import { VERIFY_BEFORE_JOINING } from '@/lib/auth/email-verification';
import { countOf, exec, makeUser } from '../support/fixtures';
import { startSmtpCatcher, type SmtpCatcher } from '../support/smtp-catcher';

const pending = vi.hoisted(() => ({ tasks: [] as Promise<unknown>[] }));
const session = vi.hoisted(() => ({ user: null as null | { id: number; name: string; email: string; role: 'student' | 'instructor'; sessionId: string } }));
vi.mock('@/app/_lib/session', () => ({ currentUser: async () => session.user, signOutThisBrowser: async () => undefined }));
vi.mock('@/auth', () => ({ signIn: async () => undefined }));
vi.mock('next-auth', () => ({ AuthError: class AuthError extends Error {}, CredentialsSignin: class CredentialsSignin extends Error {} }));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-forwarded-for': '203.0.113.7' }) }));
vi.mock('next/server', () => ({ after: (task: () => Promise<unknown>) => pending.tasks.push(task()) }));
vi.mock('next/navigation', () => ({
  redirect: (to: string) => {
    throw Object.assign(new Error('NEXT_REDIRECT'), { to });
  },
}));

const { signUpAction } = await import('@/app/(auth)/actions');
const { verifyEmailAction } = await import('@/app/(auth)/verify-actions');
const { resendVerificationAction } = await import('@/app/(study)/settings/account-actions');

let smtp: SmtpCatcher;
let joinCode = '';
beforeAll(async () => {
  smtp = await startSmtpCatcher();
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = 'Recall <recall@test.example>';
  process.env.APP_URL = 'https://recall.test.example';
  const teacher = await makeUser('instructor');
  const classId = await createClass(teacher.id, { name: 'Verified only', timeZone: 'UTC' }, new Date());
  joinCode = (await (await engine()).get(sql`SELECT ${classes.joinCode} AS "c" FROM ${classes} WHERE ${classes.id} = ${classId}`, z.object({ c: z.string() })))!.c;
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
  delete process.env.REQUIRE_EMAIL_VERIFICATION;
  await smtp.close();
});
beforeEach(async () => {
  await exec(sql`DELETE FROM ${authThrottle}`);
  process.env.REQUIRE_EMAIL_VERIFICATION = '1';
});

const settle = () => Promise.all(pending.tasks.splice(0));
const userRow = z.object({ id: int, name: z.string(), email: z.string(), emailVerifiedAt: int.nullable() });
async function userWhere(where: ReturnType<typeof sql>) {
  const row = await (await engine()).get(sql`SELECT ${users.id} AS "id", ${users.name} AS "name", ${users.email} AS "email", ${users.emailVerifiedAt} AS "emailVerifiedAt" FROM ${users} WHERE ${where}`, userRow);
  if (!row) throw new Error('no such user');
  return row;
}
function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}
function tokenOf(text: string | undefined): string {
  const match = /https:\/\/recall\.test\.example\/verify-email\?token=([A-Za-z0-9_-]{43})/.exec(text ?? '');
  expect(match, text).not.toBeNull();
  return match![1]!;
}
let seq = 0;
async function signUp() {
  seq += 1;
  const email = `verify${seq}-${Date.now()}@test.example`;
  const out = await signUpAction({}, form({ name: 'Vera Verify', email, password: 'a long enough passphrase' })).catch((e: { to?: string }) => ({ redirected: e.to }));
  expect(out).toEqual({ redirected: '/today' });
  await settle();
  const user = await userWhere(sql`${users.email} = ${email}`);
  session.user = { id: user.id, name: user.name, email, role: 'student', sessionId: 's' };
  return user;
}
const mailsTo = (email: string) => smtp.messages.filter((m) => (m.to && !Array.isArray(m.to) ? m.to.text : '') === email);

describe('email verification', () => {
  it('sign-up mails a link; joining is refused until it is used; the link works once', async () => {
    const user = await signUp();
    expect(user.emailVerifiedAt).toBeNull();
    const [mail] = mailsTo(user.email);
    expect(mail?.subject).toBe('Confirm your email for Recall');
    const token = tokenOf(mail?.text);
    // Only the hash is stored.
    const hashes = await (await engine()).all(sql`SELECT ${emailVerificationTokens.tokenHash} AS "h" FROM ${emailVerificationTokens} WHERE ${emailVerificationTokens.userId} = ${user.id}`, z.object({ h: z.string() }));
    expect(hashes).toHaveLength(1);
    expect(hashes.map((r) => r.h)).not.toContain(token);

    const refused = await joinClass(user.id, joinCode, new Date());
    expect(refused).toEqual({ ok: false, reason: 'unverified' });
    expect(await countOf(sql`SELECT count(*) AS "n" FROM ${enrollments} WHERE ${enrollments.userId} = ${user.id}`)).toBe(0);

    expect(await verifyEmailAction(null, form({ token }))).toMatchObject({ ok: true, message: expect.stringContaining('confirmed') });
    expect((await joinClass(user.id, joinCode, new Date())).ok).toBe(true);
    // Used: the same link is refused.
    expect(await verifyEmailAction(null, form({ token }))).toMatchObject({ ok: false, error: expect.stringContaining('expired or was already used') });
  });

  it('a resent link replaces the first; resend is throttled; an expired link is refused', async () => {
    const user = await signUp();
    const first = tokenOf(mailsTo(user.email)[0]?.text);
    expect(await resendVerificationAction(null, form({}))).toMatchObject({ ok: true });
    await settle();
    const second = tokenOf(mailsTo(user.email)[1]?.text);
    expect(await verifyEmailAction(null, form({ token: first }))).toMatchObject({ ok: false });
    // Two more are allowed in the hour, then it refuses.
    expect(await resendVerificationAction(null, form({}))).toMatchObject({ ok: true });
    expect(await resendVerificationAction(null, form({}))).toMatchObject({ ok: true });
    expect(await resendVerificationAction(null, form({}))).toMatchObject({ ok: false, error: expect.stringContaining('Try again in 60 minutes') });
    await settle();
    expect(mailsTo(user.email)).toHaveLength(4);
    // The second link is dead too (replaced by the later ones); an expired token is refused.
    expect(await verifyEmailAction(null, form({ token: second }))).toMatchObject({ ok: false });
    const old = newResetToken(Date.now() - 48 * 3_600_000, undefined, 24 * 3_600_000);
    expect(await storeVerificationToken(user.id, old)).toBe(true);
    expect(await verifyEmailAction(null, form({ token: old.token }))).toMatchObject({ ok: false });
    expect((await userWhere(sql`${users.id} = ${user.id}`)).emailVerifiedAt).toBeNull();
  });

  it('a verified account gets no mail, and seeded accounts are verified', async () => {
    const seeded = await makeUser();
    session.user = { ...seeded, role: 'student', sessionId: 's' };
    expect(await resendVerificationAction(null, form({}))).toMatchObject({ ok: false, error: 'Your email address is already confirmed.' });
    expect((await joinClass(seeded.id, joinCode, new Date())).ok).toBe(true);
  });

  it('without REQUIRE_EMAIL_VERIFICATION, sign-up sends no mail and joining is open', async () => {
    delete process.env.REQUIRE_EMAIL_VERIFICATION;
    const before = smtp.messages.length;
    const user = await signUp();
    expect(smtp.messages.length).toBe(before);
    expect((await joinClass(user.id, joinCode, new Date())).ok).toBe(true);
  });

  it('says why joining was refused', async () => {
    const { joinErrorMessage } = await import('@/db/queries/join');
    expect(joinErrorMessage({ ok: false, reason: 'unverified' })).toBe(VERIFY_BEFORE_JOINING);
  });
});
