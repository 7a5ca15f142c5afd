/**
 * Invitations to a class by roster, as its instructor manages them: checking a pasted roster
 * against the class, issuing invitations in one transaction, the open ones, re-sending (a new
 * token; the old link dies) and revoking. Every statement is scoped to the asking instructor by a
 * condition on the class (teachesClass: its owner or a co-instructor), so another instructor's class or
 * invitation simply does not exist here. Spending an invitation (following its link) is in
 * invitation-accept.ts. Mail goes out after these commit (app/_lib/invitation-mail.ts).
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { bare } from '@/db/engine/fragments';
import { flag, int } from '@/db/engine/rows';
import type { Queryable } from '@/db/engine/types';
import { classes, classInvitations, classRemovals, enrollments, users } from '@/db/schema';
import { teachesClass } from './access-sql';
import { newInvitationToken } from '@/lib/auth/invitation-token';
import { invitable, type RosterEntry } from '@/lib/teach/roster';
import type { PendingInvitationView } from '@/lib/teach/invitation-summary';

const k = alias(classes, 'k');
const i = alias(classInvitations, 'i');

const ownClassRow = z.object({ id: int, name: z.string(), archivedAt: int.nullable(), instructorEmail: z.string(), instructorName: z.string() });
type OwnClass = z.infer<typeof ownClassRow>;

function ownClassIn(q: Queryable, userId: number, classId: number): Promise<OwnClass | undefined> {
  return q.get(
    sql`SELECT ${k.id} AS "id", ${k.name} AS "name", ${k.archivedAt} AS "archivedAt", ${users.email} AS "instructorEmail", ${users.name} AS "instructorName"
        FROM ${classes} ${k} JOIN ${users} ON ${users.id} = ${k.instructorId}
        WHERE ${k.id} = ${classId} AND ${teachesClass(userId, k.id)}`,
    ownClassRow,
  );
}

const emailRow = z.object({ email: z.string() });

/** The roster's entries with what the class adds: enrolled, invited and still open, the instructor's own. */
async function classify(q: Queryable, cls: OwnClass, entries: RosterEntry[], now: number): Promise<RosterEntry[]> {
  const enrolledRows = await q.all(
    sql`SELECT ${users.email} AS "email" FROM ${enrollments} JOIN ${users} ON ${users.id} = ${enrollments.userId} WHERE ${enrollments.classId} = ${cls.id}`,
    emailRow,
  );
  const removedRows = await q.all(
    sql`SELECT ${users.email} AS "email" FROM ${classRemovals} JOIN ${users} ON ${users.id} = ${classRemovals.userId} WHERE ${classRemovals.classId} = ${cls.id}`,
    emailRow,
  );
  const invitedRows = await q.all(
    sql`SELECT ${classInvitations.email} AS "email", ${classInvitations.expiresAt} AS "expiresAt" FROM ${classInvitations} WHERE ${classInvitations.classId} = ${cls.id}`,
    z.object({ email: z.string(), expiresAt: int }),
  );
  const enrolled = new Set(enrolledRows.map((r) => r.email));
  const removed = new Set(removedRows.map((r) => r.email));
  const invited = new Map(invitedRows.map((r) => [r.email, r.expiresAt]));
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
export async function previewRoster(userId: number, classId: number, entries: RosterEntry[], now: Date): Promise<RosterCheck> {
  const db = await engine();
  const cls = await ownClassIn(db, userId, classId);
  if (!cls) return { ok: false, reason: 'not-found' };
  if (cls.archivedAt !== null) return { ok: false, reason: 'archived' };
  return { ok: true, entries: await classify(db, cls, entries, now.getTime()) };
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

export type IssueResult = { ok: true; entries: RosterEntry[]; issued: IssuedInvitation[] } | { ok: false; reason: 'not-found' | 'archived' };

/**
 * Checks the roster again (the preview may be stale) and issues an invitation to every row
 * without a problem, all in one transaction; an expired invitation to the same address is replaced.
 */
export async function issueInvitations(userId: number, classId: number, entries: RosterEntry[], now: Date): Promise<IssueResult> {
  const at = now.getTime();
  const db = await engine();
  return db.transaction(async (tx): Promise<IssueResult> => {
    const cls = await ownClassIn(tx, userId, classId);
    if (!cls) return { ok: false, reason: 'not-found' };
    if (cls.archivedAt !== null) return { ok: false, reason: 'archived' };
    const checked = await classify(tx, cls, entries, at);
    const issued: IssuedInvitation[] = [];
    const t = classInvitations;
    for (const entry of invitable(checked)) {
      const token = newInvitationToken(at);
      const row = await tx.get(
        sql`INSERT INTO ${t} (${bare(t.classId)}, ${bare(t.email)}, ${bare(t.name)}, ${bare(t.tokenHash)}, ${bare(t.invitedBy)}, ${bare(t.createdAt)}, ${bare(t.expiresAt)}, ${bare(t.sentAt)}, ${bare(t.sendFailed)})
            VALUES (${classId}, ${entry.email}, ${entry.name}, ${token.tokenHash}, ${userId}, ${at}, ${token.expiresAt}, NULL, ${tx.fragments.bool(false)})
            ON CONFLICT (${bare(t.classId)}, ${bare(t.email)}) DO UPDATE SET ${bare(t.name)} = excluded.${bare(t.name)}, ${bare(t.tokenHash)} = excluded.${bare(t.tokenHash)},
              ${bare(t.invitedBy)} = excluded.${bare(t.invitedBy)}, ${bare(t.createdAt)} = excluded.${bare(t.createdAt)}, ${bare(t.expiresAt)} = excluded.${bare(t.expiresAt)},
              ${bare(t.sentAt)} = NULL, ${bare(t.sendFailed)} = ${tx.fragments.bool(false)}
              WHERE ${t.expiresAt} <= excluded.${bare(t.createdAt)}
            RETURNING ${bare(t.id)} AS "id"`,
        z.object({ id: int }),
      );
      if (!row) throw new Error(`an open invitation to line ${entry.line} appeared inside the transaction`);
      issued.push({ id: row.id, email: entry.email, name: entry.name, token: token.token, tokenHash: token.tokenHash, className: cls.name, instructorName: cls.instructorName });
    }
    return { ok: true, entries: checked, issued };
  });
}

/** Records how a mail went; only for the token it carried (a later re-send's status stays its own). */
export async function recordInvitationMail(invitation: Pick<IssuedInvitation, 'id' | 'tokenHash'>, sent: boolean, now: Date): Promise<void> {
  const db = await engine();
  const t = classInvitations;
  const set = sent
    ? sql`${bare(t.sentAt)} = ${now.getTime()}, ${bare(t.sendFailed)} = ${db.fragments.bool(false)}`
    : sql`${bare(t.sendFailed)} = ${db.fragments.bool(true)}`;
  await db.run(sql`UPDATE ${t} SET ${set} WHERE ${t.id} = ${invitation.id} AND ${t.tokenHash} = ${invitation.tokenHash}`);
}

export type PendingInvitation = PendingInvitationView;

const pendingRow = z.object({ id: int, email: z.string(), name: z.string().nullable(), createdAt: int, sentAt: int.nullable(), expiresAt: int, sendFailed: flag });

/** The class's open invitations (expired ones included, to be re-sent or revoked), newest first. */
export async function pendingInvitationsForInstructor(userId: number, classId: number): Promise<PendingInvitation[]> {
  const db = await engine();
  return db.all(
    sql`SELECT ${i.id} AS "id", ${i.email} AS "email", ${i.name} AS "name", ${i.createdAt} AS "createdAt", ${i.sentAt} AS "sentAt",
          ${i.expiresAt} AS "expiresAt", ${i.sendFailed} AS "sendFailed"
        FROM ${classInvitations} ${i} JOIN ${classes} ${k} ON ${k.id} = ${i.classId}
        WHERE ${i.classId} = ${classId} AND ${teachesClass(userId, k.id)}
        ORDER BY ${i.createdAt} DESC, ${i.email}`,
    pendingRow,
  );
}

const oneInvitationRow = z.object({ email: z.string(), name: z.string().nullable(), className: z.string(), archivedAt: int.nullable(), instructorName: z.string() });

export type ReissueResult = { ok: true; issued: IssuedInvitation } | { ok: false; reason: 'not-found' | 'archived' };

/** A new token (and expiry) for one invitation, to send again: the link in any earlier mail stops working. */
export async function reissueInvitation(userId: number, classId: number, id: number, now: Date): Promise<ReissueResult> {
  const at = now.getTime();
  const db = await engine();
  return db.transaction(async (tx): Promise<ReissueResult> => {
    const row = await tx.get(
      sql`SELECT ${i.email} AS "email", ${i.name} AS "name", ${k.name} AS "className", ${k.archivedAt} AS "archivedAt", ${users.name} AS "instructorName"
          FROM ${classInvitations} ${i} JOIN ${classes} ${k} ON ${k.id} = ${i.classId} JOIN ${users} ON ${users.id} = ${k.instructorId}
          WHERE ${i.id} = ${id} AND ${i.classId} = ${classId} AND ${teachesClass(userId, k.id)}`,
      oneInvitationRow,
    );
    if (!row) return { ok: false, reason: 'not-found' };
    if (row.archivedAt !== null) return { ok: false, reason: 'archived' };
    const token = newInvitationToken(at);
    const t = classInvitations;
    await tx.run(
      sql`UPDATE ${t} SET ${bare(t.tokenHash)} = ${token.tokenHash}, ${bare(t.createdAt)} = ${at}, ${bare(t.expiresAt)} = ${token.expiresAt},
            ${bare(t.sentAt)} = NULL, ${bare(t.sendFailed)} = ${tx.fragments.bool(false)}
          WHERE ${t.id} = ${id}`,
    );
    return { ok: true, issued: { id, email: row.email, name: row.name, token: token.token, tokenHash: token.tokenHash, className: row.className, instructorName: row.instructorName } };
  });
}

/** Deletes an open invitation (its link stops working); false if it is not one of this instructor's. */
export async function revokeInvitation(userId: number, classId: number, id: number): Promise<boolean> {
  const db = await engine();
  const t = classInvitations;
  const { changes } = await db.run(
    sql`DELETE FROM ${t} WHERE ${t.id} = ${id} AND ${t.classId} = ${classId}
          AND EXISTS (SELECT 1 FROM ${classes} ${k} WHERE ${k.id} = ${t.classId} AND ${teachesClass(userId, k.id)})`,
  );
  return changes === 1;
}
