/**
 * Email verification (issue 17): storing a link's token (hashed, like password reset) and spending
 * it. A new token replaces the account's earlier ones, so only the newest link works; spending it
 * marks the account verified and deletes its tokens, in one transaction.
 */
import 'server-only';
import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import { db } from '@/db';
import { emailVerificationTokens, users } from '@/db/schema';
import { hashResetToken, type NewResetToken } from '@/lib/auth/reset-token';

export interface VerificationState {
  email: string;
  name: string;
  verified: boolean;
}

export function verificationStateOf(userId: number): VerificationState | undefined {
  const row = db.select({ email: users.email, name: users.name, verifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.id, userId)).get();
  return row && { email: row.email, name: row.name, verified: row.verifiedAt !== null };
}

/** Stores the token for a not yet verified user, replacing earlier ones; false when already verified. */
export function storeVerificationToken(userId: number, token: NewResetToken): boolean {
  return db.transaction((tx) => {
    const open = tx.select({ id: users.id }).from(users).where(and(eq(users.id, userId), isNull(users.emailVerifiedAt))).get();
    if (!open) return false;
    tx.delete(emailVerificationTokens).where(eq(emailVerificationTokens.userId, userId)).run();
    tx.delete(emailVerificationTokens).where(lt(emailVerificationTokens.expiresAt, token.createdAt)).run();
    tx.insert(emailVerificationTokens).values({ tokenHash: token.tokenHash, userId, createdAt: token.createdAt, expiresAt: token.expiresAt }).run();
    return true;
  });
}

/** Spends a live token: the account is verified. Returns its email, or null (unknown, used or expired). */
export function verifyEmailWithToken(token: string, now: number): string | null {
  const tokenHash = hashResetToken(token);
  return db.transaction((tx) => {
    const row = tx
      .select({ userId: emailVerificationTokens.userId, email: users.email })
      .from(emailVerificationTokens)
      .innerJoin(users, eq(users.id, emailVerificationTokens.userId))
      .where(and(eq(emailVerificationTokens.tokenHash, tokenHash), gt(emailVerificationTokens.expiresAt, now)))
      .get();
    if (!row) return null;
    tx.update(users).set({ emailVerifiedAt: now }).where(eq(users.id, row.userId)).run();
    tx.delete(emailVerificationTokens).where(eq(emailVerificationTokens.userId, row.userId)).run();
    return row.email;
  });
}
