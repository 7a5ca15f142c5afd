/**
 * Following an invitation link: what the link stands for, and spending it. A request here is
 * scoped by the token it carries (only its hash is looked up) and, once signed in, by the account:
 * an invitation enrols only the account with its email address. Accepting enrols the person, lets
 * a removed student back in (class_removals) and deletes the invitation, in one transaction, so a
 * link works once. A new person's account is created in the same transaction, bound to the
 * invitation's address whatever the form says.
 */
import 'server-only';
import { db } from '@/db';
import { EmailTakenError, insertUser } from '@/db/admin/users';
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

const byTokenStmt = db.$client.prepare<{ tokenHash: string }, Omit<OpenInvitation, 'hasAccount'> & { expiresAt: number; archivedAt: number | null; hasAccount: number }>(`
  SELECT i.id, i.email, i.name, i.expires_at AS expiresAt, k.id AS classId, k.name AS className, k.join_code AS joinCode, k.archived_at AS archivedAt,
         k.instructor_id AS instructorId, u.name AS instructorName,
         EXISTS (SELECT 1 FROM users a WHERE a.email = i.email) AS hasAccount
  FROM class_invitations i JOIN classes k ON k.id = i.class_id JOIN users u ON u.id = k.instructor_id
  WHERE i.token_hash = @tokenHash
`);

/** The open invitation behind a link's token, or why it no longer opens anything. */
export function invitationByToken(token: string, now: Date): InvitationLookup {
  const row = byTokenStmt.get({ tokenHash: hashInvitationToken(token) });
  if (!row) return { ok: false, reason: 'unknown' };
  // The expiry instant itself is too late, as for reset links.
  if (now.getTime() >= row.expiresAt) return { ok: false, reason: 'expired' };
  if (row.archivedAt !== null) return { ok: false, reason: 'archived' };
  const { expiresAt: _e, archivedAt: _a, hasAccount, ...invitation } = row;
  return { ok: true, invitation: { ...invitation, hasAccount: hasAccount === 1 } };
}

const enrollStmt = db.$client.prepare<{ classId: number; userId: number; now: number }>(
  'INSERT INTO enrollments (class_id, user_id, joined_at) VALUES (@classId, @userId, @now) ON CONFLICT DO NOTHING',
);
const letBackInStmt = db.$client.prepare<{ classId: number; userId: number }>('DELETE FROM class_removals WHERE class_id = @classId AND user_id = @userId');
const spendStmt = db.$client.prepare<{ id: number }>('DELETE FROM class_invitations WHERE id = @id');

function enrolAndSpend(invitation: OpenInvitation, userId: number, now: number): void {
  enrollStmt.run({ classId: invitation.classId, userId, now });
  letBackInStmt.run({ classId: invitation.classId, userId });
  if (spendStmt.run({ id: invitation.id }).changes !== 1) throw new Error('the invitation was spent twice in one transaction');
}

export type AcceptResult = { ok: true; classId: number; joinCode: string } | { ok: false; reason: InvitationRefusal; invitedEmail?: string };

/** A signed-in account accepts: only the account with the invited address, and never the class's instructor. */
export function acceptInvitation(token: string, account: { id: number; email: string }, now: Date): AcceptResult {
  return db.$client.transaction((): AcceptResult => {
    const found = invitationByToken(token, now);
    if (!found.ok) return found;
    const { invitation } = found;
    if (invitation.instructorId === account.id) return { ok: false, reason: 'own-class' };
    // The token's holder may see the address it was sent to (the link's page shows it too).
    if (invitation.email !== account.email.toLowerCase()) return { ok: false, reason: 'other-account', invitedEmail: invitation.email };
    enrolAndSpend(invitation, account.id, now.getTime());
    return { ok: true, classId: invitation.classId, joinCode: invitation.joinCode };
  }).immediate();
}

export interface InvitedSignUp {
  name: string;
  passwordHash: string;
  timeZone: string;
}

export type SignUpResult = { ok: true; email: string; classId: number; joinCode: string } | { ok: false; reason: InvitationRefusal };

/** A new person: a student account with the invited address, enrolled, the invitation spent; all or nothing. */
export function signUpWithInvitation(token: string, input: InvitedSignUp, now: Date): SignUpResult {
  return db.transaction((tx): SignUpResult => {
    const found = invitationByToken(token, now);
    if (!found.ok) return found;
    const { invitation } = found;
    let userId: number;
    try {
      userId = insertUser(tx, { email: invitation.email, name: input.name, passwordHash: input.passwordHash, role: 'student', timeZone: input.timeZone }).id;
    } catch (error) {
      if (error instanceof EmailTakenError) return { ok: false, reason: 'account-exists' };
      throw error;
    }
    enrolAndSpend(invitation, userId, now.getTime());
    return { ok: true, email: invitation.email, classId: invitation.classId, joinCode: invitation.joinCode };
  }, { behavior: 'immediate' });
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
