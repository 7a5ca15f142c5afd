/**
 * Deleting one's own account (issue 17). Everything that is the user's goes in one transaction:
 * the users row, and with it, through ON DELETE CASCADE, every row of every table that refers to
 * it (reviews, card states, quiz attempts and answers, enrolments, settings, sessions, tokens,
 * typed answers, overrule requests, fit runs, archived classes). Two kinds of rows name the user
 * without a foreign key and are deleted here by hand: personal FSRS fits, throttle counters, and
 * class invitations addressed to their email.
 * tests/integration/account-deletion.test.ts checks every table with a users foreign key, so a
 * table added later with the wrong ON DELETE fails it.
 *
 * An instructor who still teaches a class that is not archived, or owns a deck, is refused with
 * the list: deleting would take a class away from its students or leave a deck ownerless (an
 * ownerless deck is a shared one, see decks.owner_id).
 */
import 'server-only';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { db } from '@/db';
import { authThrottle, classes, classInvitations, decks, fsrsFits, users } from '@/db/schema';
import { hasBlockers, type DeletionBlockers } from '@/lib/auth/account-deletion';
import { verifyPassword } from '@/lib/auth/password';

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

function blockersIn(tx: Tx | typeof db, userId: number): DeletionBlockers {
  return {
    classes: tx.select({ id: classes.id, name: classes.name }).from(classes).where(and(eq(classes.instructorId, userId), isNull(classes.archivedAt))).orderBy(classes.name).all(),
    decks: tx.select({ id: decks.id, title: decks.title }).from(decks).where(eq(decks.ownerId, userId)).orderBy(decks.title).all(),
  };
}

/** What the settings page lists before the user tries. */
export function deletionBlockersOf(userId: number): DeletionBlockers {
  return blockersIn(db, userId);
}

/** Throttle keys that name this account (db/queries/auth.ts, join.ts and the account actions). */
export function throttleKeysOf(user: { id: number; email: string }): string[] {
  return [`email:${user.email}`, `reset-email:${user.email}`, `join:${user.id}`, `delete-account:${user.id}`, `verify-mail:${user.id}`, `export:${user.id}`];
}

export type DeleteAccountResult = { ok: true } | { ok: false; reason: 'wrong-password' } | { ok: false; reason: 'blocked'; blockers: DeletionBlockers };

/**
 * Deletes the user's account if `password` is theirs and nothing stands in the way (checked again
 * inside the transaction, so a class created meanwhile is not lost). Nothing is written otherwise.
 */
export async function deleteOwnAccount(userId: number, password: string): Promise<DeleteAccountResult> {
  const row = db.select({ email: users.email, passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).get();
  if (!row || !(await verifyPassword(row.passwordHash, password))) return { ok: false, reason: 'wrong-password' };
  return db.transaction((tx): DeleteAccountResult => {
    const blockers = blockersIn(tx, userId);
    if (hasBlockers(blockers)) return { ok: false, reason: 'blocked', blockers };
    tx.delete(fsrsFits).where(and(eq(fsrsFits.scope, 'user'), eq(fsrsFits.scopeId, userId))).run();
    tx.delete(authThrottle).where(inArray(authThrottle.key, throttleKeysOf({ id: userId, email: row.email }))).run();
    tx.delete(classInvitations).where(eq(classInvitations.email, row.email)).run();
    tx.delete(users).where(eq(users.id, userId)).run();
    return { ok: true };
  });
}
