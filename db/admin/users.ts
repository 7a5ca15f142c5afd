/**
 * Account administration shared by the sign-up action, `npm run user`, the demo seed and the
 * tests, on either engine: callers pass the engine (the app's `await engine()`, or a script's own,
 * db/engine/sqlite.ts `sqliteEngine(db)` / postgres.ts `postgresEngine(pg)`).
 */
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { hashPassword } from '@/lib/auth/password';
import { ROLES, type Role } from '@/lib/auth/session-user';
import { int } from '../engine/rows';
import { bare } from '../engine/fragments';
import type { Db } from '../connection';
import type { Engine, Queryable } from '../engine/types';
import { sessions, users, userSettings } from '../schema';

export class EmailTakenError extends Error {
  constructor() {
    super('An account with this email already exists.');
  }
}

export interface NewUser {
  email: string;
  name: string;
  password: string;
  role?: Role;
  timeZone?: string;
  /** False only for self sign-up: the owner has yet to follow the verification mail's link. */
  emailVerified?: boolean;
}

const accountRow = z.object({ id: int, email: z.string(), name: z.string(), role: z.enum(ROLES) });
export type Account = z.infer<typeof accountRow>;

export async function createUser(db: Engine, input: NewUser): Promise<Account> {
  // Hash first (slow, outside the transaction), then write user + settings in one transaction.
  const passwordHash = await hashPassword(input.password);
  return db.transaction((tx) => insertAccount(tx, { ...input, passwordHash }));
}

/**
 * The user row and its settings row, inside the caller's transaction (so accepting an invitation
 * can create the account and enrol it in one): throws EmailTakenError when the address has an account.
 */
export async function insertAccount(tx: Queryable, input: Omit<NewUser, 'password'> & { passwordHash: string }): Promise<Account> {
  const email = input.email.trim().toLowerCase();
  // Verified unless the caller says otherwise (a self sign-up while verification is required);
  // an invited person proved the address by following the mailed link.
  const verifiedAt = input.emailVerified === false ? null : Date.now();
  const user = await tx.get(
    sql`INSERT INTO ${users} (${bare(users.email)}, ${bare(users.name)}, ${bare(users.passwordHash)}, ${bare(users.role)}, ${bare(users.emailVerifiedAt)})
        VALUES (${email}, ${input.name.trim()}, ${input.passwordHash}, ${input.role ?? 'student'}, ${verifiedAt})
        ON CONFLICT (${bare(users.email)}) DO NOTHING
        RETURNING ${bare(users.id)} AS "id", ${bare(users.email)} AS "email", ${bare(users.name)} AS "name", ${bare(users.role)} AS "role"`,
    accountRow,
  );
  if (!user) throw new EmailTakenError();
  await tx.run(sql`INSERT INTO ${userSettings} (${bare(userSettings.userId)}, ${bare(userSettings.timeZone)}) VALUES (${user.id}, ${input.timeZone ?? 'UTC'})`);
  return user;
}

/** Changes the role and signs the user out everywhere (their sessions are deleted, the version bumped). */
export function setRole(db: Engine, email: string, role: Role): Promise<Account | undefined> {
  return db.transaction(async (tx) => {
    const user = await tx.get(
      sql`UPDATE ${users} SET ${bare(users.role)} = ${role}, ${bare(users.sessionVersion)} = ${bare(users.sessionVersion)} + 1
          WHERE ${bare(users.email)} = ${email.trim().toLowerCase()}
          RETURNING ${bare(users.id)} AS "id", ${bare(users.email)} AS "email", ${bare(users.name)} AS "name", ${bare(users.role)} AS "role"`,
      accountRow,
    );
    if (user) await tx.run(sql`DELETE FROM ${sessions} WHERE ${sessions.userId} = ${user.id}`);
    return user;
  });
}

export async function countUsers(db: Queryable): Promise<number> {
  return (await db.get(sql`SELECT count(*) AS "n" FROM ${users}`, z.object({ n: int })))?.n ?? 0;
}

type LegacyTx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * insertAccount for a Drizzle SQLite transaction, for the one caller not yet on the engine
 * (db/queries/invitation-accept.ts, issue 18): goes when it moves.
 */
export function insertUser(tx: LegacyTx, input: Omit<NewUser, 'password'> & { passwordHash: string }): Account {
  const email = input.email.trim().toLowerCase();
  const existing = tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
  if (existing) throw new EmailTakenError();
  const user = tx
    .insert(users)
    .values({ email, name: input.name.trim(), passwordHash: input.passwordHash, role: input.role ?? 'student', emailVerifiedAt: input.emailVerified === false ? null : Date.now() })
    .returning({ id: users.id, email: users.email, name: users.name, role: users.role })
    .get();
  tx.insert(userSettings).values({ userId: user.id, timeZone: input.timeZone ?? 'UTC' }).run();
  return user;
}
