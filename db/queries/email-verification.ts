/**
 * Email verification (issue 17): storing a link's token (hashed, like password reset) and spending
 * it. A new token replaces the account's earlier ones, so only the newest link works; spending it
 * marks the account verified and deletes its tokens, in one transaction.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { bare } from '@/db/engine/fragments';
import { int } from '@/db/engine/rows';
import { emailVerificationTokens, users } from '@/db/schema';
import { hashResetToken, type NewResetToken } from '@/lib/auth/reset-token';

export interface VerificationState {
  email: string;
  name: string;
  verified: boolean;
}

export async function verificationStateOf(userId: number): Promise<VerificationState | undefined> {
  const db = await engine();
  const row = await db.get(
    sql`SELECT ${users.email} AS "email", ${users.name} AS "name", ${users.emailVerifiedAt} AS "verifiedAt" FROM ${users} WHERE ${users.id} = ${userId}`,
    z.object({ email: z.string(), name: z.string(), verifiedAt: int.nullable() }),
  );
  return row && { email: row.email, name: row.name, verified: row.verifiedAt !== null };
}

/** Stores the token for a not yet verified user, replacing earlier ones; false when already verified. */
export async function storeVerificationToken(userId: number, token: NewResetToken): Promise<boolean> {
  const db = await engine();
  const t = emailVerificationTokens;
  return db.transaction(async (tx) => {
    const open = await tx.get(sql`SELECT ${users.id} AS "id" FROM ${users} WHERE ${users.id} = ${userId} AND ${users.emailVerifiedAt} IS NULL`, z.object({ id: int }));
    if (!open) return false;
    await tx.run(sql`DELETE FROM ${t} WHERE ${t.userId} = ${userId}`);
    await tx.run(sql`DELETE FROM ${t} WHERE ${t.expiresAt} < ${token.createdAt}`);
    await tx.run(
      sql`INSERT INTO ${t} (${bare(t.tokenHash)}, ${bare(t.userId)}, ${bare(t.createdAt)}, ${bare(t.expiresAt)})
          VALUES (${token.tokenHash}, ${userId}, ${token.createdAt}, ${token.expiresAt})`,
    );
    return true;
  });
}

/** Spends a live token: the account is verified. Returns its email, or null (unknown, used or expired). */
export async function verifyEmailWithToken(token: string, now: number): Promise<string | null> {
  const tokenHash = hashResetToken(token);
  const db = await engine();
  const t = emailVerificationTokens;
  return db.transaction(async (tx) => {
    const row = await tx.get(
      sql`SELECT ${t.userId} AS "userId", ${users.email} AS "email" FROM ${t} JOIN ${users} ON ${users.id} = ${t.userId}
          WHERE ${t.tokenHash} = ${tokenHash} AND ${t.expiresAt} > ${now}`,
      z.object({ userId: int, email: z.string() }),
    );
    if (!row) return null;
    await tx.run(sql`UPDATE ${users} SET ${bare(users.emailVerifiedAt)} = ${now} WHERE ${users.id} = ${row.userId}`);
    await tx.run(sql`DELETE FROM ${t} WHERE ${t.userId} = ${row.userId}`);
    return row.email;
  });
}
