// The classes and accounts queries (db/queries/classes.ts, class-instructors, student-classes, join,
// invitations, invitation-accept, auth, users, sessions, password-reset, email-verification,
// account-deletion, access) on PostgreSQL: the same answers as on SQLite, through the app's engine.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '@/db/schema.pg';
import type { PgDb } from '@/db/pg/connection';
import type { Engine } from '@/db/engine/types';
import type { RosterEntry } from '@/lib/teach/roster';
import { migratedTestDatabase } from '../support/pg-database';

let pg: PgDb;
let engine: Engine;
beforeAll(async () => {
  const created = await migratedTestDatabase('classes_accounts');
  pg = created.db;
  process.env.DATABASE_URL = created.url;
  engine = await (await import('@/db/engine')).engine();
});
afterAll(async () => {
  await engine?.close();
  await pg?.$client.end();
});

const T = new Date('2026-11-20T10:00:00Z');
let n = 0;
async function user(role: 'student' | 'instructor' = 'student', name = `User ${++n}`) {
  const [row] = await pg.insert(schema.users).values({ email: `u${++n}@pg.test`, name, passwordHash: 'x', role, emailVerifiedAt: T.getTime() }).returning();
  await pg.insert(schema.userSettings).values({ userId: row!.id });
  return row!;
}

describe('classes and accounts on PostgreSQL', () => {
  it('creates, lists, joins, rosters, removes and lets back in', async () => {
    const classes = await import('@/db/queries/classes');
    const join = await import('@/db/queries/join');
    const mine = await import('@/db/queries/student-classes');
    const owner = await user('instructor');
    const [zed, amy] = [await user('student', 'zed'), await user('student', 'Amy')];
    const classId = await classes.createClass(owner.id, { name: 'Seminar', timeZone: 'Europe/Paris' }, T);
    const cls = await classes.classForInstructor(owner.id, classId);
    expect(cls).toMatchObject({ id: classId, name: 'Seminar', timeZone: 'Europe/Paris', archivedAt: null, students: 0, assignments: 0, ownerId: owner.id });
    expect(await classes.classForInstructor(zed.id, classId)).toBeUndefined();

    expect(await join.lookupJoinCode(zed.id, 'NOPE-NOPE', T)).toEqual({ ok: false, reason: 'not-found' });
    expect(await join.joinClass(zed.id, cls!.joinCode, T)).toMatchObject({ ok: true, class: { id: classId, alreadyEnrolled: false } });
    expect(await join.joinClass(amy.id, cls!.joinCode.toLowerCase(), T)).toMatchObject({ ok: true });
    expect(await join.joinClass(amy.id, cls!.joinCode, T)).toMatchObject({ ok: true, class: { alreadyEnrolled: true } });
    expect(await join.lookupJoinCode(owner.id, cls!.joinCode, T)).toEqual({ ok: false, reason: 'own-class' });
    // Case-insensitive order, as SQLite's COLLATE NOCASE.
    expect((await classes.rosterForInstructor(owner.id, classId)).map((r) => r.name)).toEqual(['Amy', 'zed']);
    expect(await mine.classesOfStudent(zed.id)).toEqual([{ id: classId, name: 'Seminar', instructorName: owner.name, timeZone: 'Europe/Paris', joinedAt: T.getTime(), assignments: 0 }]);

    expect(await classes.removeStudent(owner.id, classId, zed.id, T)).toBe(true);
    expect(await classes.removeStudent(owner.id, classId, zed.id, T)).toBe(false);
    expect(await join.lookupJoinCode(zed.id, cls!.joinCode, T)).toEqual({ ok: false, reason: 'removed' });
    expect((await classes.removedStudentsForInstructor(owner.id, classId)).map((r) => r.userId)).toEqual([zed.id]);
    expect(await classes.letStudentBackIn(owner.id, classId, zed.id)).toBe(true);
    expect(await join.lookupJoinCode(zed.id, cls!.joinCode, T)).toMatchObject({ ok: true });

    const code = await classes.regenerateJoinCode(owner.id, classId);
    expect(code).not.toBe(cls!.joinCode);
    expect(await classes.regenerateJoinCode(zed.id, classId)).toBeNull();
    expect(await mine.leaveClass(amy.id, classId)).toBe(true);
    expect(await mine.leaveClass(amy.id, classId)).toBe(false);
    expect(await classes.setClassArchived(owner.id, classId, true, T)).toBe(true);
    expect((await classes.classesForInstructor(owner.id))[0]).toMatchObject({ id: classId, archivedAt: T.getTime(), students: 0 });
    expect(await classes.setClassArchived(owner.id, classId, false, T)).toBe(true);
    expect(await join.joinLockRemaining(zed.id, T)).toBe(0);
  });

  it('adds and removes co-instructors, who then teach the class', async () => {
    const classes = await import('@/db/queries/classes');
    const staff = await import('@/db/queries/class-instructors');
    const owner = await user('instructor');
    const co = await user('instructor');
    const student = await user();
    const classId = await classes.createClass(owner.id, { name: 'Shared', timeZone: 'UTC' }, T);
    expect(await staff.addCoInstructor(owner.id, classId, co.email, T)).toEqual({ userId: co.id });
    expect(await staff.addCoInstructor(owner.id, classId, co.email, T)).toEqual({ error: 'already' });
    expect(await staff.addCoInstructor(owner.id, classId, student.email, T)).toEqual({ error: 'not-instructor' });
    expect(await staff.addCoInstructor(student.id, classId, co.email, T)).toEqual({ error: 'not-found' });
    expect((await staff.instructorsOfClass(co.id, classId)).map((i) => [i.userId, i.owner])).toEqual([[owner.id, true], [co.id, false]]);
    expect(await classes.classForInstructor(co.id, classId)).toBeDefined();
    expect(await classes.setClassArchived(co.id, classId, true, T)).toBe(false);
    expect(await staff.removeCoInstructor(co.id, classId, co.id)).toBe(false);
    expect(await staff.removeCoInstructor(owner.id, classId, co.id)).toBe(true);
    expect(await classes.classForInstructor(co.id, classId)).toBeUndefined();
  });

  it('issues, re-sends, accepts, revokes and signs up with invitations', async () => {
    const classes = await import('@/db/queries/classes');
    const invitations = await import('@/db/queries/invitations');
    const accept = await import('@/db/queries/invitation-accept');
    const owner = await user('instructor');
    const invitee = await user();
    const classId = await classes.createClass(owner.id, { name: 'Invited', timeZone: 'UTC' }, T);
    const entries: RosterEntry[] = [
      { line: 2, email: invitee.email, name: 'Invitee', problem: null },
      { line: 3, email: owner.email, name: null, problem: null },
    ];
    const preview = await invitations.previewRoster(owner.id, classId, entries, T);
    expect(preview.ok && preview.entries.map((e) => e.problem)).toEqual([null, 'own-address']);
    const issued = await invitations.issueInvitations(owner.id, classId, entries, T);
    expect(issued.ok && issued.issued.map((i) => i.email)).toEqual([invitee.email]);
    if (!issued.ok) return;
    const [first] = issued.issued;
    await invitations.recordInvitationMail(first!, false, T);
    expect(await invitations.pendingInvitationsForInstructor(owner.id, classId)).toMatchObject([{ id: first!.id, sendFailed: true, sentAt: null }]);
    const again = await invitations.reissueInvitation(owner.id, classId, first!.id, T);
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    await invitations.recordInvitationMail(again.issued, true, T);
    expect(await invitations.pendingInvitationsForInstructor(owner.id, classId)).toMatchObject([{ sendFailed: false, sentAt: T.getTime() }]);
    expect(await accept.invitationByToken(first!.token, T)).toEqual({ ok: false, reason: 'unknown' });
    expect(await accept.invitationByToken(again.issued.token, T)).toMatchObject({ ok: true, invitation: { hasAccount: true, classId } });
    expect(await accept.acceptInvitation(again.issued.token, owner, T)).toEqual({ ok: false, reason: 'own-class' });
    expect(await accept.acceptInvitation(again.issued.token, invitee, T)).toMatchObject({ ok: true, classId });
    expect(await accept.acceptInvitation(again.issued.token, invitee, T)).toEqual({ ok: false, reason: 'unknown' });

    const other = await invitations.issueInvitations(owner.id, classId, [{ line: 2, email: 'new@pg.test', name: null, problem: null }], T);
    expect(other.ok).toBe(true);
    if (!other.ok) return;
    expect(await invitations.revokeInvitation(owner.id, classId, other.issued[0]!.id)).toBe(true);
    expect(await invitations.revokeInvitation(owner.id, classId, other.issued[0]!.id)).toBe(false);

    const fresh = await invitations.issueInvitations(owner.id, classId, [{ line: 2, email: 'fresh@pg.test', name: null, problem: null }], T);
    if (!fresh.ok) throw new Error('not issued');
    const signUp = { name: 'Fresh', passwordHash: 'x', timeZone: 'UTC' };
    expect(await accept.signUpWithInvitation(fresh.issued[0]!.token, signUp, T)).toMatchObject({ ok: true, email: 'fresh@pg.test', classId });
    expect(await accept.signUpWithInvitation(fresh.issued[0]!.token, signUp, T)).toEqual({ ok: false, reason: 'unknown' });
  });

  it('checks sessions, throttles, resets passwords, verifies addresses and deletes accounts', async () => {
    const sessions = await import('@/db/queries/sessions');
    const auth = await import('@/db/queries/auth');
    const reset = await import('@/db/queries/password-reset');
    const verification = await import('@/db/queries/email-verification');
    const deletion = await import('@/db/queries/account-deletion');
    const access = await import('@/db/queries/access');
    const { newResetToken } = await import('@/lib/auth/reset-token');
    const { ACCOUNT_LIMITS } = await import('@/lib/auth/throttle');
    const u = await user();
    const now = T.getTime();
    const sid = await sessions.createSession(u.id, 'Firefox', now);
    expect(await sessions.openSession(sid, now + 1)).toMatchObject({ userId: u.id, role: 'student', sessionVersion: 0 });
    expect(await sessions.openSession(sid, now + 61_000)).toBeDefined();
    expect((await sessions.sessionsOf(u.id, now + 61_000))[0]).toMatchObject({ id: sid, lastSeenAt: now + 61_000 });
    expect(await sessions.deleteSessionOf(u.id + 1, sid)).toBe(false);

    expect(await auth.findUserByEmail(u.email)).toMatchObject({ id: u.id, role: 'student' });
    for (let i = 0; i < ACCOUNT_LIMITS.maxFailures; i++) await auth.recordSignInFailure([{ key: `email:${u.email}`, limits: ACCOUNT_LIMITS }], now);
    expect(await auth.throttleLockRemaining([`email:${u.email}`, 'ip:none'], now)).toBe(ACCOUNT_LIMITS.lockMs);
    await auth.clearSignInFailures(`email:${u.email}`);
    expect(await auth.throttleLockRemaining([`email:${u.email}`], now)).toBe(0);

    const token = newResetToken(now);
    await reset.storeResetToken(u.id, token);
    expect(await reset.isResetTokenUsable(token.token, now)).toBe(true);
    expect(await reset.resetPasswordWithToken(token.token, 'new-hash', now)).toBe(u.email);
    expect(await reset.resetPasswordWithToken(token.token, 'new-hash', now)).toBeNull();
    expect(await sessions.openSession(sid, now + 62_000)).toBeUndefined();

    await pg.update(schema.users).set({ emailVerifiedAt: null }).where(eq(schema.users.id, u.id));
    const mail = newResetToken(now);
    expect(await verification.storeVerificationToken(u.id, mail)).toBe(true);
    expect(await verification.verifyEmailWithToken(mail.token, now)).toBe(u.email);
    expect(await verification.verificationStateOf(u.id)).toMatchObject({ verified: true });

    expect(await access.canStudyDeck(u.id, 'no-such-deck')).toBe(false);
    expect(await deletion.deletionBlockersOf(u.id)).toEqual({ classes: [], decks: [] });
    await auth.recordSignInFailure([{ key: `join:${u.id}`, limits: ACCOUNT_LIMITS }], now);
    const { hashPassword } = await import('@/lib/auth/password');
    await pg.update(schema.users).set({ passwordHash: await hashPassword('pw-for-deletion') }).where(eq(schema.users.id, u.id));
    expect(await deletion.deleteOwnAccount(u.id, 'wrong')).toEqual({ ok: false, reason: 'wrong-password' });
    expect(await deletion.deleteOwnAccount(u.id, 'pw-for-deletion')).toEqual({ ok: true });
    expect(await auth.findUserByEmail(u.email)).toBeUndefined();
    expect(await auth.throttleLockRemaining([`join:${u.id}`], now)).toBe(0);
    const keys = new Set(deletion.throttleKeysOf(u));
    expect((await pg.select().from(schema.authThrottle)).filter((r) => keys.has(r.key))).toEqual([]);
  });
});
