/**
 * Password reset by email: storing a link's token (hashed) and spending it. These run before a
 * session exists: a request is scoped by the email it names, a reset by the token it carries.
 * At most one link per account works: a new request deletes the account's earlier tokens, and a
 * reset deletes them all.
 */
import 'server-only';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import { db } from '@/db';
import { passwordResetTokens, sessions, users } from '@/db/schema';
import { hashResetToken, isResetTokenLive, type NewResetToken } from '@/lib/auth/reset-token';

export interface ResetRecipient {
  userId: number;
  email: string;
  name: string;
}

export function findResetRecipient(email: string): ResetRecipient | undefined {
  return db.select({ userId: users.id, email: users.email, name: users.name }).from(users).where(eq(users.email, email)).get();
}

/** Stores the token for the user, replacing every earlier one (and dropping expired ones of anyone). */
export function storeResetToken(userId: number, token: NewResetToken): void {
  db.transaction((tx) => {
    tx.delete(passwordResetTokens).where(eq(passwordResetTokens.userId, userId)).run();
    tx.delete(passwordResetTokens).where(lt(passwordResetTokens.expiresAt, token.createdAt)).run();
    tx.insert(passwordResetTokens).values({ tokenHash: token.tokenHash, userId, createdAt: token.createdAt, expiresAt: token.expiresAt }).run();
  });
}

/** Whether a link's token may still set a password (for the page to say so before the form is filled). */
export function isResetTokenUsable(token: string, now: number): boolean {
  const row = db.select({ expiresAt: passwordResetTokens.expiresAt }).from(passwordResetTokens).where(eq(passwordResetTokens.tokenHash, hashResetToken(token))).get();
  return isResetTokenLive(row, now);
}

/**
 * Sets the password of the token's user and spends the token, in one transaction: the user's
 * tokens and sessions are deleted and the session version bumped, so every browser is signed out.
 * Returns the user's email, or null when the token is unknown, used or expired (nothing written).
 */
export function resetPasswordWithToken(token: string, passwordHash: string, now: number): string | null {
  const tokenHash = hashResetToken(token);
  return db.transaction((tx) => {
    const row = tx
      .select({ userId: passwordResetTokens.userId, email: users.email })
      .from(passwordResetTokens)
      .innerJoin(users, eq(users.id, passwordResetTokens.userId))
      .where(and(eq(passwordResetTokens.tokenHash, tokenHash), gt(passwordResetTokens.expiresAt, now)))
      .get();
    if (!row) return null;
    tx.update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, row.userId))
      .run();
    tx.delete(sessions).where(eq(sessions.userId, row.userId)).run();
    tx.delete(passwordResetTokens).where(eq(passwordResetTokens.userId, row.userId)).run();
    return row.email;
  });
}
