// Account administration (db/admin/users.ts) on the engine; runs on SQLite and on PostgreSQL
// (vitest.config.mts ON_BOTH_ENGINES).
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { countUsers, createUser, EmailTakenError, setRole } from '@/db/admin/users';
import { engine } from '@/db/engine';
import { bare } from '@/db/engine/fragments';
import { flag, int } from '@/db/engine/rows';
import { sessions, users, userSettings } from '@/db/schema';

describe('account administration', () => {
  it('creates a user with settings, normalises the address and refuses a taken one', async () => {
    const db = await engine();
    const before = await countUsers(db);
    const user = await createUser(db, { email: '  Ada@Example.TEST ', name: ' Ada ', password: 'a long enough password', role: 'instructor', timeZone: 'Europe/Paris' });
    expect(user).toMatchObject({ email: 'ada@example.test', name: 'Ada', role: 'instructor' });
    expect(await countUsers(db)).toBe(before + 1);
    const settings = await db.get(
      sql`SELECT ${userSettings.timeZone} AS "timeZone", (${users.emailVerifiedAt} IS NOT NULL) AS "verified" FROM ${userSettings}
          JOIN ${users} ON ${users.id} = ${userSettings.userId} WHERE ${userSettings.userId} = ${user.id}`,
      z.object({ timeZone: z.string(), verified: flag }),
    );
    expect(settings).toEqual({ timeZone: 'Europe/Paris', verified: true });
    await expect(createUser(db, { email: 'ADA@example.test', name: 'Other', password: 'another long password' })).rejects.toBeInstanceOf(EmailTakenError);
    expect(await countUsers(db)).toBe(before + 1);
  });

  it('leaves a self sign-up unverified', async () => {
    const db = await engine();
    const user = await createUser(db, { email: 'self@example.test', name: 'Self', password: 'a long enough password', emailVerified: false });
    const row = await db.get(sql`SELECT (${users.emailVerifiedAt} IS NULL) AS "unverified" FROM ${users} WHERE ${users.id} = ${user.id}`, z.object({ unverified: flag }));
    expect(row?.unverified).toBe(true);
  });

  it('changes a role, bumps the session version and deletes the sessions', async () => {
    const db = await engine();
    const user = await createUser(db, { email: 'role@example.test', name: 'Role', password: 'a long enough password' });
    await db.run(sql`INSERT INTO ${sessions} (${bare(sessions.id)}, ${bare(sessions.userId)}, ${bare(sessions.createdAt)}, ${bare(sessions.lastSeenAt)}, ${bare(sessions.expiresAt)}) VALUES (${'s-1'}, ${user.id}, ${1}, ${1}, ${9_000_000_000_000})`);
    const changed = await setRole(db, 'ROLE@example.test', 'instructor');
    expect(changed).toMatchObject({ id: user.id, role: 'instructor' });
    const after = await db.get(
      sql`SELECT ${users.sessionVersion} AS "version", (SELECT count(*) FROM ${sessions} WHERE ${sessions.userId} = ${user.id}) AS "sessions" FROM ${users} WHERE ${users.id} = ${user.id}`,
      z.object({ version: int, sessions: int }),
    );
    expect(after).toEqual({ version: 1, sessions: 0 });
    expect(await setRole(db, 'nobody@example.test', 'student')).toBeUndefined();
  });
});
