/**
 * Invitations by roster through their server actions, with mail delivered to a real SMTP server
 * and a real database (either engine): preview writes nothing and flags each bad row; sending mails
 * each valid person a single-use link (only its hash stored); an existing account accepts, a new person signs
 * up bound to the invited address; re-sending kills the old link, revoking kills the link, expiry
 * kills it; a removed student is let back in; a failed mail marks only its own invitation.
 */
import { getTableColumns, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import type { SessionUser } from '@/app/_lib/session';
import { bare } from '@/db/engine/fragments';
import { int } from '@/db/engine/rows';
import { authThrottle, classInvitations as ci, classRemovals, enrollments, users, userSettings } from '@/db/schema';
import { startSmtpCatcher, type SmtpCatcher } from '../support/smtp-catcher';

const session = vi.hoisted(() => ({ user: null as SessionUser | null, signedIn: [] as string[] }));
vi.mock('@/app/_lib/session', () => ({ currentUser: async () => session.user }));
vi.mock('@/auth', () => ({
  signIn: async (_provider: string, { email }: { email: string }) => {
    session.signedIn.push(email);
  },
}));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-forwarded-for': '203.0.113.17' }) }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
vi.mock('next/navigation', () => ({
  redirect: (to: string) => {
    throw Object.assign(new Error('NEXT_REDIRECT'), { to });
  },
}));

const { engine } = await import('@/db/engine');
const invite = await import('@/app/(teach)/teach/invitation-actions');
const accept = await import('@/app/(auth)/invite-actions');
const { createClass, removeStudent, setClassArchived } = await import('@/db/queries/classes');
const { acceptInvitation, invitationByToken } = await import('@/db/queries/invitation-accept');
const { pendingInvitationsForInstructor } = await import('@/db/queries/invitations');
const { verifyPassword } = await import('@/lib/auth/password');
const { INVITATION_TTL_MS } = await import('@/lib/auth/invitation-token');
const { countOf, exec, makeUser } = await import('../support/fixtures');
const { enroll } = await import('../support/teach-fixtures');

const APP = 'https://recall.test.example';
let smtp: SmtpCatcher;
let owner: SessionUser;

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = 'Recall <recall@test.example>';
  process.env.APP_URL = APP;
  owner = await makeUser('instructor');
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
  await smtp.close();
});
beforeEach(async () => {
  session.user = owner;
  await exec(sql`DELETE FROM ${authThrottle}`);
});

const enrolled = (classId: number, userId: number) =>
  countOf(sql`SELECT count(*) AS "n" FROM ${enrollments} WHERE ${enrollments.classId} = ${classId} AND ${enrollments.userId} = ${userId}`);
const invitationRows = (classId: number) => countOf(sql`SELECT count(*) AS "n" FROM ${ci} WHERE ${ci.classId} = ${classId}`);

function tokenIn(text: string | undefined): string {
  const match = /https:\/\/recall\.test\.example\/invite\?token=([A-Za-z0-9_-]{43})/.exec(text ?? '');
  expect(match, text).not.toBeNull();
  return match![1]!;
}

/** The token mailed to an address, from the latest message to it. */
function mailedToken(email: string): string {
  const mail = smtp.messages.filter((m) => m.to && JSON.stringify(m.to).includes(email)).at(-1);
  expect(mail, `no mail to ${email}`).toBeDefined();
  return tokenIn(mail!.text);
}

async function acceptAs(user: SessionUser, token: string) {
  session.user = user;
  try {
    return await accept.acceptInvitationAction(null, { token });
  } catch (error) {
    return { redirected: (error as { to?: string }).to };
  }
}

async function signUp(token: string, fields: Record<string, string> = {}) {
  session.user = null;
  try {
    return await accept.signUpWithInvitationAction(null, { token, name: 'New Person', password: 'a long fresh passphrase', timeZone: 'Europe/Paris', ...fields });
  } catch (error) {
    return { redirected: (error as { to?: string }).to };
  }
}

describe('invite by roster', () => {
  it('previews a roster of five with one bad row, sends four mails, and two people accept', async () => {
    const classId = await createClass(owner.id, { name: 'Roster class', timeZone: 'UTC' }, new Date());
    const existing = await makeUser();
    const already = await makeUser();
    await enroll(classId, already.id, Date.now());
    const roster = ['email,name', `${existing.email},Existing One`, 'new.person@school.example,New Person', 'third@school.example,', 'not-an-address,Bad Row', 'fourth@school.example,Four', `${already.email},Already In`, 'THIRD@school.example,Again'].join('\n');

    const preview = await invite.previewRosterAction(null, { classId, roster });
    expect(preview.ok).toBe(true);
    const entries = preview.ok ? preview.data.entries : [];
    expect(entries.map((e) => [e.line, e.problem])).toEqual([
      [2, null], [3, null], [4, null], [5, 'bad-email'], [6, null], [7, 'enrolled'], [8, 'duplicate'],
    ]);
    expect(await invitationRows(classId)).toBe(0);
    expect(smtp.messages).toHaveLength(0);

    const before = smtp.messages.length;
    const sent = await invite.sendInvitationsAction(null, { classId, roster });
    expect(sent).toEqual({ ok: true, data: { sent: 4, failed: 0, skipped: 3 } });
    await smtp.waitFor(before + 4);
    const mail = smtp.messages.at(-1)!;
    expect(mail.subject).toBe(`${owner.name} invites you to Roster class on Recall`);
    expect(mail.html).toContain(`${APP}/invite?token=`);
    // Only hashes in the database: no mailed token appears in any row.
    const tokens = [existing.email, 'new.person@school.example', 'third@school.example', 'fourth@school.example'].map(mailedToken);
    const columns = Object.entries(getTableColumns(ci)).map(([name, column]) => sql`${column} AS ${sql.identifier(name)}`);
    const stored = JSON.stringify(await (await engine()).all(sql`SELECT ${sql.join(columns, sql`, `)} FROM ${ci}`, z.record(z.string(), z.unknown())));
    for (const token of tokens) expect(stored).not.toContain(token);
    const pending = await pendingInvitationsForInstructor(owner.id, classId);
    expect(pending).toHaveLength(4);
    expect(pending.every((p) => p.sentAt !== null && !p.sendFailed && p.expiresAt - p.createdAt === INVITATION_TTL_MS)).toBe(true);

    // Sending the same roster again invites nobody twice: they are pending now.
    const again = await invite.previewRosterAction(null, { classId, roster });
    expect(again.ok && again.data.entries.filter((e) => e.problem === 'pending')).toHaveLength(4);
    expect(await invite.sendInvitationsAction(null, { classId, roster })).toMatchObject({ ok: false });

    // An existing account accepts, once.
    const existingToken = tokens[0]!;
    expect(await acceptAs(existing, existingToken)).toEqual({ redirected: expect.stringMatching(/^\/join\/[A-Z0-9]+\?joined=1$/) });
    expect(await enrolled(classId, existing.id)).toBe(1);
    expect(await acceptAs(existing, existingToken)).toMatchObject({ ok: false, error: expect.stringContaining('does not work any more') });

    // A new person signs up from the link: the invited address, whatever the form says, and enrolled.
    const newToken = tokens[1]!;
    expect(await signUp(newToken, { email: 'attacker@evil.example' })).toEqual({ redirected: expect.stringContaining('?joined=1') });
    const created = await (await engine()).get(
      sql`SELECT ${users.id} AS "id", ${users.email} AS "email", ${users.role} AS "role", ${users.passwordHash} AS "hash" FROM ${users} WHERE ${users.email} = 'new.person@school.example'`,
      z.object({ id: int, email: z.string(), role: z.string(), hash: z.string() }),
    );
    if (!created) throw new Error('no account for the invited address');
    expect(created.role).toBe('student');
    expect(await verifyPassword(created.hash, 'a long fresh passphrase')).toBe(true);
    expect(await countOf(sql`SELECT count(*) AS "n" FROM ${users} WHERE ${users.email} = 'attacker@evil.example'`)).toBe(0);
    expect(await countOf(sql`SELECT count(*) AS "n" FROM ${userSettings} WHERE ${userSettings.userId} = ${created.id} AND ${userSettings.timeZone} = 'Europe/Paris'`)).toBe(1);
    expect(await enrolled(classId, created.id)).toBe(1);
    expect(session.signedIn).toContain('new.person@school.example');
    expect(await signUp(newToken)).toMatchObject({ ok: false });

    expect((await pendingInvitationsForInstructor(owner.id, classId)).map((p) => p.email).sort()).toEqual(['fourth@school.example', 'third@school.example']);
  });

  it('refuses another signed-in account, and a new account for an address that has one', async () => {
    const classId = await createClass(owner.id, { name: 'Bound', timeZone: 'UTC' }, new Date());
    const invited = await makeUser();
    const other = await makeUser();
    session.user = owner;
    expect(await invite.sendInvitationsAction(null, { classId, roster: invited.email })).toMatchObject({ ok: true, data: { sent: 1 } });
    const token = mailedToken(invited.email);
    expect(await acceptAs(other, token)).toMatchObject({ ok: false, error: expect.stringContaining(`This invitation is for ${invited.email}`) });
    expect(await enrolled(classId, other.id)).toBe(0);
    expect(await acceptAs(owner, token)).toMatchObject({ ok: false, error: expect.stringContaining('You teach this class') });
    expect(await signUp(token)).toMatchObject({ ok: false, error: expect.stringContaining('Sign in to accept') });
    expect(await invitationRows(classId)).toBe(1);
    expect(await acceptAs(invited, token)).toHaveProperty('redirected');
    expect(await enrolled(classId, invited.id)).toBe(1);
  });

  it('re-sending kills the old link; revoking and expiry kill the link', async () => {
    const classId = await createClass(owner.id, { name: 'Lifecycle', timeZone: 'UTC' }, new Date());
    const a = await makeUser();
    const b = await makeUser();
    await invite.sendInvitationsAction(null, { classId, roster: `${a.email}\n${b.email}` });
    const oldToken = mailedToken(a.email);
    const pending = await pendingInvitationsForInstructor(owner.id, classId);
    const [invA, invB] = ['a', 'b'].map((k) => pending.find((p) => p.email === (k === 'a' ? a.email : b.email))!);
    expect(await invite.resendInvitationAction(null, { classId, invitationId: invA!.id })).toMatchObject({ ok: true, data: { sent: 1 } });
    const newToken = mailedToken(a.email);
    expect(newToken).not.toBe(oldToken);
    expect(await acceptAs(a, oldToken)).toMatchObject({ ok: false });
    // The expiry instant itself is too late.
    const issued = (await pendingInvitationsForInstructor(owner.id, classId)).find((p) => p.id === invA!.id)!;
    expect(await acceptInvitation(newToken, a, new Date(issued.expiresAt))).toEqual({ ok: false, reason: 'expired' });
    expect((await invitationByToken(newToken, new Date(issued.expiresAt - 1))).ok).toBe(true);
    expect(await acceptAs(a, newToken)).toHaveProperty('redirected');

    session.user = owner;
    const tokenB = mailedToken(b.email);
    expect(await invite.revokeInvitationAction(null, { classId, invitationId: invB!.id })).toEqual({ ok: true, data: undefined });
    expect(await invite.revokeInvitationAction(null, { classId, invitationId: invB!.id })).toMatchObject({ ok: false });
    expect(await acceptAs(b, tokenB)).toMatchObject({ ok: false });
    expect(await enrolled(classId, b.id)).toBe(0);
  });

  it('an expired invitation is listed and can be invited again from a roster', async () => {
    const classId = await createClass(owner.id, { name: 'Expired', timeZone: 'UTC' }, new Date());
    await invite.sendInvitationsAction(null, { classId, roster: 'late@school.example' });
    await exec(sql`UPDATE ${ci} SET ${bare(ci.expiresAt)} = ${Date.now() - 1} WHERE ${ci.classId} = ${classId}`);
    const preview = await invite.previewRosterAction(null, { classId, roster: 'late@school.example' });
    expect(preview.ok && preview.data.entries[0]).toMatchObject({ problem: null, note: 'expired' });
    expect(await invite.sendInvitationsAction(null, { classId, roster: 'late@school.example' })).toMatchObject({ ok: true, data: { sent: 1 } });
    expect(await invitationRows(classId)).toBe(1);
    expect((await invitationByToken(mailedToken('late@school.example'), new Date())).ok).toBe(true);
  });

  it('an invitation lets a removed student back in', async () => {
    const classId = await createClass(owner.id, { name: 'Second chance', timeZone: 'UTC' }, new Date());
    const student = await makeUser();
    await enroll(classId, student.id, Date.now());
    await removeStudent(owner.id, classId, student.id, new Date());
    const preview = await invite.previewRosterAction(null, { classId, roster: student.email });
    expect(preview.ok && preview.data.entries[0]).toMatchObject({ problem: null, note: 'removed' });
    await invite.sendInvitationsAction(null, { classId, roster: student.email });
    expect(await acceptAs(student, mailedToken(student.email))).toHaveProperty('redirected');
    expect(await enrolled(classId, student.id)).toBe(1);
    expect(await countOf(sql`SELECT count(*) AS "n" FROM ${classRemovals} WHERE ${classRemovals.classId} = ${classId}`)).toBe(0);
  });

  it('an archived class takes no invitations and its links stop working', async () => {
    const classId = await createClass(owner.id, { name: 'Archived', timeZone: 'UTC' }, new Date());
    const student = await makeUser();
    await invite.sendInvitationsAction(null, { classId, roster: student.email });
    const token = mailedToken(student.email);
    await setClassArchived(owner.id, classId, true, new Date());
    expect(await invite.sendInvitationsAction(null, { classId, roster: 'x@school.example' })).toMatchObject({ ok: false, error: expect.stringContaining('archived') });
    expect(await acceptAs(student, token)).toMatchObject({ ok: false, error: expect.stringContaining('archived') });
    expect(await enrolled(classId, student.id)).toBe(0);
  });

  it('bounds: more than 500 people or 100 kB is refused with a message, and nothing is written', async () => {
    const classId = await createClass(owner.id, { name: 'Bounds', timeZone: 'UTC' }, new Date());
    const many = Array.from({ length: 501 }, (_, i) => `p${i}@school.example`).join('\n');
    expect(await invite.sendInvitationsAction(null, { classId, roster: many })).toMatchObject({ ok: false, error: expect.stringContaining('At most 500 people') });
    const huge = 'é'.repeat(60_000);
    expect(await invite.previewRosterAction(null, { classId, roster: huge })).toMatchObject({ ok: false, fieldErrors: { roster: ['That list is too long: split it in parts.'] } });
    expect(await invitationRows(classId)).toBe(0);
  });
});

describe('a mail that fails', () => {
  let bouncing: SMTPServer;
  const received: string[] = [];
  beforeAll(async () => {
    // Refuses one recipient, takes the rest: one failure among several sends.
    bouncing = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        callback(address.address.startsWith('bounce@') ? Object.assign(new Error('no such mailbox'), { responseCode: 550 }) : undefined);
      },
      onData(stream, smtpSession, callback) {
        received.push(...smtpSession.envelope.rcptTo.map((r) => r.address));
        stream.on('end', () => callback());
        stream.resume();
      },
    });
    await new Promise<void>((resolve) => bouncing.listen(0, '127.0.0.1', resolve));
    process.env.SMTP_URL = `smtp://127.0.0.1:${(bouncing.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    process.env.SMTP_URL = smtp.url;
    await new Promise<void>((resolve) => bouncing.close(() => resolve()));
  });

  it('marks only its invitation not sent; the others go, and Send again retries it', async () => {
    const classId = await createClass(owner.id, { name: 'Bounce', timeZone: 'UTC' }, new Date());
    const roster = 'one@school.example\nbounce@school.example\ntwo@school.example';
    expect(await invite.sendInvitationsAction(null, { classId, roster })).toEqual({ ok: true, data: { sent: 2, failed: 1, skipped: 0 } });
    expect(received.sort()).toEqual(['one@school.example', 'two@school.example']);
    const pending = await pendingInvitationsForInstructor(owner.id, classId);
    expect(pending).toHaveLength(3);
    const failed = pending.find((p) => p.email === 'bounce@school.example')!;
    expect(failed).toMatchObject({ sentAt: null, sendFailed: true });
    process.env.SMTP_URL = smtp.url;
    const before = smtp.messages.length;
    expect(await invite.resendInvitationAction(null, { classId, invitationId: failed.id })).toMatchObject({ ok: true, data: { sent: 1, failed: 0 } });
    await smtp.waitFor(before + 1);
    expect((await pendingInvitationsForInstructor(owner.id, classId)).find((p) => p.id === failed.id)).toMatchObject({ sendFailed: false, sentAt: expect.any(Number) });
  });
});
