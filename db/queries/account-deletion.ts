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
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { int } from '@/db/engine/rows';
import type { Queryable } from '@/db/engine/types';
import { authThrottle, classes, classInvitations, decks, fsrsFits, users } from '@/db/schema';
import { hasBlockers, type DeletionBlockers } from '@/lib/auth/account-deletion';
import { verifyPassword } from '@/lib/auth/password';

async function blockersIn(q: Queryable, userId: number): Promise<DeletionBlockers> {
  return {
    classes: await q.all(
      sql`SELECT ${classes.id} AS "id", ${classes.name} AS "name" FROM ${classes}
          WHERE ${classes.instructorId} = ${userId} AND ${classes.archivedAt} IS NULL ORDER BY ${classes.name}`,
      z.object({ id: int, name: z.string() }),
    ),
    decks: await q.all(
      sql`SELECT ${decks.id} AS "id", ${decks.title} AS "title" FROM ${decks} WHERE ${decks.ownerId} = ${userId} ORDER BY ${decks.title}`,
      z.object({ id: z.string(), title: z.string() }),
    ),
  };
}

/** What the settings page lists before the user tries. */
export async function deletionBlockersOf(userId: number): Promise<DeletionBlockers> {
  return blockersIn(await engine(), userId);
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
  const db = await engine();
  const row = await db.get(
    sql`SELECT ${users.email} AS "email", ${users.passwordHash} AS "passwordHash" FROM ${users} WHERE ${users.id} = ${userId}`,
    z.object({ email: z.string(), passwordHash: z.string() }),
  );
  if (!row || !(await verifyPassword(row.passwordHash, password))) return { ok: false, reason: 'wrong-password' };
  return db.transaction(async (tx): Promise<DeleteAccountResult> => {
    const blockers = await blockersIn(tx, userId);
    if (hasBlockers(blockers)) return { ok: false, reason: 'blocked', blockers };
    const f = tx.fragments;
    await tx.run(sql`DELETE FROM ${fsrsFits} WHERE ${fsrsFits.scope} = ${'user'} AND ${fsrsFits.scopeId} = ${userId}`);
    await tx.run(sql`DELETE FROM ${authThrottle} WHERE ${authThrottle.key} IN ${f.textsIn(throttleKeysOf({ id: userId, email: row.email }))}`);
    await tx.run(sql`DELETE FROM ${classInvitations} WHERE ${classInvitations.email} = ${row.email}`);
    await tx.run(sql`DELETE FROM ${users} WHERE ${users.id} = ${userId}`);
    return { ok: true };
  });
}
