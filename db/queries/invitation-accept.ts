/**
 * Following an invitation link: what the link stands for, and spending it. A request here is
 * scoped by the token it carries (only its hash is looked up) and, once signed in, by the account:
 * an invitation enrols only the account with its email address. Accepting enrols the person, lets
 * a removed student back in (class_removals) and deletes the invitation, in one transaction, so a
 * link works once. A new person's account is created in the same transaction, bound to the
 * invitation's address whatever the form says.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { bare } from '@/db/engine/fragments';
import { flag, int } from '@/db/engine/rows';
import type { Queryable } from '@/db/engine/types';
import { EmailTakenError, insertAccount } from '@/db/admin/users';
import { classes, classInvitations, classRemovals, enrollments, users } from '@/db/schema';
import { hashInvitationToken } from '@/lib/auth/invitation-token';

export interface OpenInvitation {
  id: number;
  email: string;
  name: string | null;
  classId: number;
  className: string;
  joinCode: string;
  instructorId: number;
  instructorName: string;
  /** Whether an account already uses the invited address (the page offers sign-in, not sign-up). */
  hasAccount: boolean;
}

export type InvitationRefusal = 'unknown' | 'expired' | 'archived' | 'other-account' | 'own-class' | 'account-exists';
export type InvitationLookup = { ok: true; invitation: OpenInvitation } | { ok: false; reason: InvitationRefusal };

const byTokenRow = z.object({
  id: int,
  email: z.string(),
  name: z.string().nullable(),
  expiresAt: int,
  classId: int,
  className: z.string(),
  joinCode: z.string(),
  archivedAt: int.nullable(),
  instructorId: int,
  instructorName: z.string(),
  hasAccount: flag,
});
const i = alias(classInvitations, 'i');
const k = alias(classes, 'k');
const a = alias(users, 'a');

async function invitationByTokenIn(q: Queryable, token: string, now: Date): Promise<InvitationLookup> {
  const row = await q.get(
    sql`SELECT ${i.id} AS "id", ${i.email} AS "email", ${i.name} AS "name", ${i.expiresAt} AS "expiresAt", ${k.id} AS "classId", ${k.name} AS "className",
          ${k.joinCode} AS "joinCode", ${k.archivedAt} AS "archivedAt", ${k.instructorId} AS "instructorId", ${users.name} AS "instructorName",
          EXISTS (SELECT 1 FROM ${users} ${a} WHERE ${a.email} = ${i.email}) AS "hasAccount"
        FROM ${classInvitations} ${i} JOIN ${classes} ${k} ON ${k.id} = ${i.classId} JOIN ${users} ON ${users.id} = ${k.instructorId}
        WHERE ${i.tokenHash} = ${hashInvitationToken(token)}`,
    byTokenRow,
  );
  if (!row) return { ok: false, reason: 'unknown' };
  // The expiry instant itself is too late, as for reset links.
  if (now.getTime() >= row.expiresAt) return { ok: false, reason: 'expired' };
  if (row.archivedAt !== null) return { ok: false, reason: 'archived' };
  const { expiresAt: _e, archivedAt: _a, ...invitation } = row;
  return { ok: true, invitation };
}

/** The open invitation behind a link's token, or why it no longer opens anything. */
export async function invitationByToken(token: string, now: Date): Promise<InvitationLookup> {
  return invitationByTokenIn(await engine(), token, now);
}

async function enrolAndSpend(q: Queryable, invitation: OpenInvitation, userId: number, now: number): Promise<void> {
  await q.run(
    sql`INSERT INTO ${enrollments} (${bare(enrollments.classId)}, ${bare(enrollments.userId)}, ${bare(enrollments.joinedAt)})
        VALUES (${invitation.classId}, ${userId}, ${now}) ON CONFLICT DO NOTHING`,
  );
  await q.run(sql`DELETE FROM ${classRemovals} WHERE ${classRemovals.classId} = ${invitation.classId} AND ${classRemovals.userId} = ${userId}`);
  const spent = await q.run(sql`DELETE FROM ${classInvitations} WHERE ${classInvitations.id} = ${invitation.id}`);
  if (spent.changes !== 1) throw new Error('the invitation was spent twice in one transaction');
}

export type AcceptResult = { ok: true; classId: number; joinCode: string } | { ok: false; reason: InvitationRefusal; invitedEmail?: string };

/** A signed-in account accepts: only the account with the invited address, and never the class's instructor. */
export async function acceptInvitation(token: string, account: { id: number; email: string }, now: Date): Promise<AcceptResult> {
  const db = await engine();
  return db.transaction(async (tx): Promise<AcceptResult> => {
    const found = await invitationByTokenIn(tx, token, now);
    if (!found.ok) return found;
    const { invitation } = found;
    if (invitation.instructorId === account.id) return { ok: false, reason: 'own-class' };
    // The token's holder may see the address it was sent to (the link's page shows it too).
    if (invitation.email !== account.email.toLowerCase()) return { ok: false, reason: 'other-account', invitedEmail: invitation.email };
    await enrolAndSpend(tx, invitation, account.id, now.getTime());
    return { ok: true, classId: invitation.classId, joinCode: invitation.joinCode };
  });
}

export interface InvitedSignUp {
  name: string;
  passwordHash: string;
  timeZone: string;
}

export type SignUpResult = { ok: true; email: string; classId: number; joinCode: string } | { ok: false; reason: InvitationRefusal };

/** A new person: a student account with the invited address, enrolled, the invitation spent; all or nothing. */
export async function signUpWithInvitation(token: string, input: InvitedSignUp, now: Date): Promise<SignUpResult> {
  const db = await engine();
  return db.transaction(async (tx): Promise<SignUpResult> => {
    const found = await invitationByTokenIn(tx, token, now);
    if (!found.ok) return found;
    const { invitation } = found;
    let userId: number;
    try {
      userId = (await insertAccount(tx, { email: invitation.email, name: input.name, passwordHash: input.passwordHash, role: 'student', timeZone: input.timeZone })).id;
    } catch (error) {
      if (error instanceof EmailTakenError) return { ok: false, reason: 'account-exists' };
      throw error;
    }
    await enrolAndSpend(tx, invitation, userId, now.getTime());
    return { ok: true, email: invitation.email, classId: invitation.classId, joinCode: invitation.joinCode };
  });
}

/** What to tell the person who followed the link. */
export function invitationRefusalMessage(reason: InvitationRefusal, invitedEmail?: string): string {
  switch (reason) {
    case 'unknown':
      return 'This invitation link does not work any more: it was used, replaced by a newer mail, or withdrawn. Ask your instructor for a new one.';
    case 'expired':
      return 'This invitation has expired. Ask your instructor to send it again.';
    case 'archived':
      return 'This class has been archived and no longer takes new students.';
    case 'other-account':
      return `This invitation is for ${invitedEmail ?? 'another email address'}. Sign out, then open the link again and sign in with that address (or create an account with it).`;
    case 'own-class':
      return 'You teach this class, so you cannot join it as a student.';
    case 'account-exists':
      return 'An account already uses this address. Sign in to accept the invitation.';
  }
}
