/**
 * Invitations to a class by roster, as its instructor manages them: checking a pasted roster
 * against the class, issuing invitations in one transaction, the open ones, re-sending (a new
 * token; the old link dies) and revoking. Every statement is scoped to the asking instructor by a
 * condition on the class (teachesClassSql: its owner or a co-instructor), so another instructor's class or
 * invitation simply does not exist here. Spending an invitation (following its link) is in
 * invitation-accept.ts. Mail goes out after these commit (app/_lib/invitation-mail.ts).
 */
import 'server-only';
import { db } from '@/db';
import { teachesClassSql } from './access';
import { newInvitationToken } from '@/lib/auth/invitation-token';
import { invitable, type RosterEntry } from '@/lib/teach/roster';
import type { PendingInvitationView } from '@/lib/teach/invitation-summary';

interface OwnClass {
  id: number;
  name: string;
  archivedAt: number | null;
  instructorEmail: string;
  instructorName: string;
}

const ownClassStmt = db.$client.prepare<{ userId: number; classId: number }, OwnClass>(`
  SELECT k.id, k.name, k.archived_at AS archivedAt, u.email AS instructorEmail, u.name AS instructorName
  FROM classes k JOIN users u ON u.id = k.instructor_id
  WHERE k.id = @classId AND ${teachesClassSql('k.id', 'userId')}
`);

const enrolledEmailsStmt = db.$client.prepare<{ classId: number }, { email: string }>(
  'SELECT u.email FROM enrollments e JOIN users u ON u.id = e.user_id WHERE e.class_id = @classId',
);
const removedEmailsStmt = db.$client.prepare<{ classId: number }, { email: string }>(
  'SELECT u.email FROM class_removals r JOIN users u ON u.id = r.user_id WHERE r.class_id = @classId',
);
const invitedStmt = db.$client.prepare<{ classId: number }, { email: string; expiresAt: number }>(
  'SELECT email, expires_at AS expiresAt FROM class_invitations WHERE class_id = @classId',
);

/** The roster's entries with what the class adds: enrolled, invited and still open, the instructor's own. */
function classify(cls: OwnClass, entries: RosterEntry[], now: number): RosterEntry[] {
  const enrolled = new Set(enrolledEmailsStmt.all({ classId: cls.id }).map((r) => r.email));
  const removed = new Set(removedEmailsStmt.all({ classId: cls.id }).map((r) => r.email));
  const invited = new Map(invitedStmt.all({ classId: cls.id }).map((r) => [r.email, r.expiresAt]));
  return entries.map((entry): RosterEntry => {
    if (entry.problem) return entry;
    if (entry.email === cls.instructorEmail) return { ...entry, problem: 'own-address' };
    if (enrolled.has(entry.email)) return { ...entry, problem: 'enrolled' };
    const expiresAt = invited.get(entry.email);
    if (expiresAt !== undefined && now < expiresAt) return { ...entry, problem: 'pending' };
    if (removed.has(entry.email)) return { ...entry, note: 'removed' };
    if (expiresAt !== undefined) return { ...entry, note: 'expired' };
    return entry;
  });
}

export type RosterCheck = { ok: true; entries: RosterEntry[] } | { ok: false; reason: 'not-found' | 'archived' };

/** What sending would do with these roster entries (lib/teach/roster.ts parseRoster), row by row; writes nothing. */
export function previewRoster(userId: number, classId: number, entries: RosterEntry[], now: Date): RosterCheck {
  const cls = ownClassStmt.get({ userId, classId });
  if (!cls) return { ok: false, reason: 'not-found' };
  if (cls.archivedAt !== null) return { ok: false, reason: 'archived' };
  return { ok: true, entries: classify(cls, entries, now.getTime()) };
}

/** An invitation just issued: what its mail needs (the token exists only here, never in the db). */
export interface IssuedInvitation {
  id: number;
  email: string;
  name: string | null;
  token: string;
  tokenHash: string;
  className: string;
  instructorName: string;
}

const upsertStmt = db.$client.prepare<{
  classId: number; email: string; name: string | null; tokenHash: string; userId: number; createdAt: number; expiresAt: number;
}, { id: number }>(`
  INSERT INTO class_invitations (class_id, email, name, token_hash, invited_by, created_at, expires_at, sent_at, send_failed)
  VALUES (@classId, @email, @name, @tokenHash, @userId, @createdAt, @expiresAt, NULL, 0)
  ON CONFLICT (class_id, email) DO UPDATE SET name = excluded.name, token_hash = excluded.token_hash,
    invited_by = excluded.invited_by, created_at = excluded.created_at, expires_at = excluded.expires_at, sent_at = NULL, send_failed = 0
    WHERE class_invitations.expires_at <= excluded.created_at
  RETURNING id
`);

export type IssueResult = { ok: true; entries: RosterEntry[]; issued: IssuedInvitation[] } | { ok: false; reason: 'not-found' | 'archived' };

/**
 * Checks the roster again (the preview may be stale) and issues an invitation to every row
 * without a problem, all in one transaction; an expired invitation to the same address is replaced.
 */
export function issueInvitations(userId: number, classId: number, entries: RosterEntry[], now: Date): IssueResult {
  const at = now.getTime();
  return db.$client.transaction((): IssueResult => {
    const cls = ownClassStmt.get({ userId, classId });
    if (!cls) return { ok: false, reason: 'not-found' };
    if (cls.archivedAt !== null) return { ok: false, reason: 'archived' };
    const checked = classify(cls, entries, at);
    const issued: IssuedInvitation[] = [];
    for (const entry of invitable(checked)) {
      const token = newInvitationToken(at);
      const row = upsertStmt.get({ classId, email: entry.email, name: entry.name, tokenHash: token.tokenHash, userId, createdAt: at, expiresAt: token.expiresAt });
      if (!row) throw new Error(`an open invitation to line ${entry.line} appeared inside the transaction`);
      issued.push({ id: row.id, email: entry.email, name: entry.name, token: token.token, tokenHash: token.tokenHash, className: cls.name, instructorName: cls.instructorName });
    }
    return { ok: true, entries: checked, issued };
  })();
}

const markSentStmt = db.$client.prepare<{ id: number; tokenHash: string; now: number }>(
  'UPDATE class_invitations SET sent_at = @now, send_failed = 0 WHERE id = @id AND token_hash = @tokenHash',
);
const markFailedStmt = db.$client.prepare<{ id: number; tokenHash: string }>(
  'UPDATE class_invitations SET send_failed = 1 WHERE id = @id AND token_hash = @tokenHash',
);

/** Records how a mail went; only for the token it carried (a later re-send's status stays its own). */
export function recordInvitationMail(invitation: Pick<IssuedInvitation, 'id' | 'tokenHash'>, sent: boolean, now: Date): void {
  if (sent) markSentStmt.run({ id: invitation.id, tokenHash: invitation.tokenHash, now: now.getTime() });
  else markFailedStmt.run({ id: invitation.id, tokenHash: invitation.tokenHash });
}

export type PendingInvitation = PendingInvitationView;

const pendingStmt = db.$client.prepare<{ userId: number; classId: number }, Omit<PendingInvitation, 'sendFailed'> & { sendFailed: number }>(`
  SELECT i.id, i.email, i.name, i.created_at AS createdAt, i.sent_at AS sentAt, i.expires_at AS expiresAt, i.send_failed AS sendFailed
  FROM class_invitations i JOIN classes k ON k.id = i.class_id
  WHERE i.class_id = @classId AND ${teachesClassSql('k.id', 'userId')}
  ORDER BY i.created_at DESC, i.email
`);

/** The class's open invitations (expired ones included, to be re-sent or revoked), newest first. */
export function pendingInvitationsForInstructor(userId: number, classId: number): PendingInvitation[] {
  return pendingStmt.all({ userId, classId }).map((row) => ({ ...row, sendFailed: row.sendFailed === 1 }));
}

const oneInvitationStmt = db.$client.prepare<{ userId: number; classId: number; id: number }, { email: string; name: string | null; className: string; archivedAt: number | null; instructorName: string }>(`
  SELECT i.email, i.name, k.name AS className, k.archived_at AS archivedAt, u.name AS instructorName
  FROM class_invitations i JOIN classes k ON k.id = i.class_id JOIN users u ON u.id = k.instructor_id
  WHERE i.id = @id AND i.class_id = @classId AND ${teachesClassSql('k.id', 'userId')}
`);
const reissueStmt = db.$client.prepare<{ id: number; tokenHash: string; createdAt: number; expiresAt: number }>(`
  UPDATE class_invitations SET token_hash = @tokenHash, created_at = @createdAt, expires_at = @expiresAt, sent_at = NULL, send_failed = 0
  WHERE id = @id
`);

export type ReissueResult = { ok: true; issued: IssuedInvitation } | { ok: false; reason: 'not-found' | 'archived' };

/** A new token (and expiry) for one invitation, to send again: the link in any earlier mail stops working. */
export function reissueInvitation(userId: number, classId: number, id: number, now: Date): ReissueResult {
  const at = now.getTime();
  return db.$client.transaction((): ReissueResult => {
    const row = oneInvitationStmt.get({ userId, classId, id });
    if (!row) return { ok: false, reason: 'not-found' };
    if (row.archivedAt !== null) return { ok: false, reason: 'archived' };
    const token = newInvitationToken(at);
    reissueStmt.run({ id, tokenHash: token.tokenHash, createdAt: at, expiresAt: token.expiresAt });
    return { ok: true, issued: { id, email: row.email, name: row.name, token: token.token, tokenHash: token.tokenHash, className: row.className, instructorName: row.instructorName } };
  })();
}

const revokeStmt = db.$client.prepare<{ userId: number; classId: number; id: number }>(`
  DELETE FROM class_invitations WHERE id = @id AND class_id = @classId
    AND EXISTS (SELECT 1 FROM classes k WHERE k.id = class_invitations.class_id AND ${teachesClassSql('k.id', 'userId')})
`);

/** Deletes an open invitation (its link stops working); false if it is not one of this instructor's. */
export function revokeInvitation(userId: number, classId: number, id: number): boolean {
  return revokeStmt.run({ userId, classId, id }).changes === 1;
}
