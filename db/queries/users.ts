/** The signed-in user's own account. */
import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import { sessions, users } from '@/db/schema';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import type { SessionUser } from '@/lib/auth/session-user';

/**
 * Replaces the user's password and ends every session of the user (their rows are deleted),
 * including the current one: the caller signs the user in again with the new password.
 * Returns false when the current password is wrong; nothing is written then.
 */
export async function changePassword(user: SessionUser, currentPassword: string, newPassword: string): Promise<boolean> {
  const row = db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id)).get();
  if (!row || !(await verifyPassword(row.passwordHash, currentPassword))) return false;
  const passwordHash = await hashPassword(newPassword);
  db.transaction((tx) => {
    tx.update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, user.id))
      .run();
    tx.delete(sessions).where(eq(sessions.userId, user.id)).run();
  });
  return true;
}
