/**
 * Password reset by email: storing a link's token (hashed) and spending it. These run before a
 * session exists: a request is scoped by the email it names, a reset by the token it carries.
 * At most one link per account works: a new request deletes the account's earlier tokens, and a
 * reset deletes them all.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { bare } from '@/db/engine/fragments';
import { int } from '@/db/engine/rows';
import { passwordResetTokens, sessions, users } from '@/db/schema';
import { hashResetToken, isResetTokenLive, type NewResetToken } from '@/lib/auth/reset-token';

const recipientRow = z.object({ userId: int, email: z.string(), name: z.string() });
export type ResetRecipient = z.infer<typeof recipientRow>;

export async function findResetRecipient(email: string): Promise<ResetRecipient | undefined> {
  const db = await engine();
  return db.get(sql`SELECT ${users.id} AS "userId", ${users.email} AS "email", ${users.name} AS "name" FROM ${users} WHERE ${users.email} = ${email}`, recipientRow);
}

/** Stores the token for the user, replacing every earlier one (and dropping expired ones of anyone). */
export async function storeResetToken(userId: number, token: NewResetToken): Promise<void> {
  const db = await engine();
  const t = passwordResetTokens;
  await db.transaction(async (tx) => {
    await tx.run(sql`DELETE FROM ${t} WHERE ${t.userId} = ${userId}`);
    await tx.run(sql`DELETE FROM ${t} WHERE ${t.expiresAt} < ${token.createdAt}`);
    await tx.run(
      sql`INSERT INTO ${t} (${bare(t.tokenHash)}, ${bare(t.userId)}, ${bare(t.createdAt)}, ${bare(t.expiresAt)})
          VALUES (${token.tokenHash}, ${userId}, ${token.createdAt}, ${token.expiresAt})`,
    );
  });
}

/** Whether a link's token may still set a password (for the page to say so before the form is filled). */
export async function isResetTokenUsable(token: string, now: number): Promise<boolean> {
  const db = await engine();
  const t = passwordResetTokens;
  const row = await db.get(sql`SELECT ${t.expiresAt} AS "expiresAt" FROM ${t} WHERE ${t.tokenHash} = ${hashResetToken(token)}`, z.object({ expiresAt: int }));
  return isResetTokenLive(row, now);
}

/**
 * Sets the password of the token's user and spends the token, in one transaction: the user's
 * tokens and sessions are deleted and the session version bumped, so every browser is signed out.
 * Returns the user's email, or null when the token is unknown, used or expired (nothing written).
 */
export async function resetPasswordWithToken(token: string, passwordHash: string, now: number): Promise<string | null> {
  const tokenHash = hashResetToken(token);
  const db = await engine();
  const t = passwordResetTokens;
  return db.transaction(async (tx) => {
    const row = await tx.get(
      sql`SELECT ${t.userId} AS "userId", ${users.email} AS "email" FROM ${t} JOIN ${users} ON ${users.id} = ${t.userId}
          WHERE ${t.tokenHash} = ${tokenHash} AND ${t.expiresAt} > ${now}`,
      z.object({ userId: int, email: z.string() }),
    );
    if (!row) return null;
    await tx.run(
      sql`UPDATE ${users} SET ${bare(users.passwordHash)} = ${passwordHash}, ${bare(users.sessionVersion)} = ${users.sessionVersion} + 1 WHERE ${users.id} = ${row.userId}`,
    );
    await tx.run(sql`DELETE FROM ${sessions} WHERE ${sessions.userId} = ${row.userId}`);
    await tx.run(sql`DELETE FROM ${t} WHERE ${t.userId} = ${row.userId}`);
    return row.email;
  });
}
