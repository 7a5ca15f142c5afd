/** The signed-in user's own account. */
import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { bare } from '@/db/engine/fragments';
import { sessions, users } from '@/db/schema';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import type { SessionUser } from '@/lib/auth/session-user';

/**
 * Replaces the user's password and ends every session of the user (their rows are deleted),
 * including the current one: the caller signs the user in again with the new password.
 * Returns false when the current password is wrong; nothing is written then.
 */
export async function changePassword(user: SessionUser, currentPassword: string, newPassword: string): Promise<boolean> {
  const db = await engine();
  const row = await db.get(sql`SELECT ${users.passwordHash} AS "passwordHash" FROM ${users} WHERE ${users.id} = ${user.id}`, z.object({ passwordHash: z.string() }));
  if (!row || !(await verifyPassword(row.passwordHash, currentPassword))) return false;
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await tx.run(
      sql`UPDATE ${users} SET ${bare(users.passwordHash)} = ${passwordHash}, ${bare(users.sessionVersion)} = ${users.sessionVersion} + 1 WHERE ${users.id} = ${user.id}`,
    );
    await tx.run(sql`DELETE FROM ${sessions} WHERE ${sessions.userId} = ${user.id}`);
  });
  return true;
}
