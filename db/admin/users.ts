/**
 * Account administration shared by the sign-up action, `npm run user` and the demo seed.
 * Takes the db as a parameter so scripts and tests can use it without the app's client.
 */
import { eq, sql } from 'drizzle-orm';
import { hashPassword } from '@/lib/auth/password';
import type { Db } from '../connection';
import { sessions, users, userSettings, type Role, type User } from '../schema';

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

export async function createUser(db: Db, input: NewUser): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  // Hash first (async), then write user + settings in one synchronous transaction.
  return db.transaction((tx) => insertUser(tx, { ...input, passwordHash }));
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * The user row and its settings row, inside the caller's transaction (so accepting an invitation
 * can create the account and enrol it in one): throws EmailTakenError when the address has an account.
 */
export function insertUser(tx: Tx, input: Omit<NewUser, 'password'> & { passwordHash: string }): User {
  const email = input.email.trim().toLowerCase();
  const existing = tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
  if (existing) throw new EmailTakenError();
  const user = tx
    .insert(users)
    // Verified unless the caller says otherwise (a self sign-up while verification is required);
    // an invited person proved the address by following the mailed link.
    .values({ email, name: input.name.trim(), passwordHash: input.passwordHash, role: input.role ?? 'student', emailVerifiedAt: input.emailVerified === false ? null : Date.now() })
    .returning()
    .get();
  tx.insert(userSettings)
    .values({ userId: user.id, timeZone: input.timeZone ?? 'UTC' })
    .run();
  return user;
}

/** Changes the role and signs the user out everywhere (their sessions are deleted, the version bumped). */
export function setRole(db: Db, email: string, role: Role): User | undefined {
  return db.transaction((tx) => {
    const user = tx
      .update(users)
      .set({ role, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.email, email.trim().toLowerCase()))
      .returning()
      .get();
    if (user) tx.delete(sessions).where(eq(sessions.userId, user.id)).run();
    return user;
  });
}

export function countUsers(db: Db): number {
  return db.select({ n: sql<number>`count(*)` }).from(users).get()?.n ?? 0;
}
