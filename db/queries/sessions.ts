/**
 * Server-side session records (the `sessions` table): created at sign-in, checked on every request
 * through session.ts, deleted at sign-out, password change and "sign out everywhere". Every
 * function that a signed-in user reaches is scoped to that user's own sessions.
 */
import 'server-only';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { bare } from '@/db/engine/fragments';
import { int } from '@/db/engine/rows';
import type { Prepared } from '@/db/engine/types';
import { sessions, users } from '@/db/schema';
import { ROLES } from '@/lib/auth/session-user';

const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * A session ends after 30 days without use, and 90 days after sign-in at the latest. It slides on
 * the server: each use moves the row's expiry, and the cookie is never re-issued (its token simply
 * lives the 90 days, auth.config.ts). So nothing like the old prefetch race exists: a response in
 * flight at sign-out carries no cookie, and a copied one names a deleted row.
 */
export const SESSION_IDLE_MS = 30 * DAY_MS;
export const SESSION_ABSOLUTE_MS = 90 * DAY_MS;
// "Last seen" (and the sliding expiry) is written at most this often per session, so a review session is not a write per grade.
export const LAST_SEEN_RESOLUTION_MS = 60_000;

function expiryAt(createdAt: number, lastSeenAt: number): number {
  return Math.min(lastSeenAt + SESSION_IDLE_MS, createdAt + SESSION_ABSOLUTE_MS);
}

/** Starts a session for a user who has just proved who they are; returns its id (unguessable). */
export async function createSession(userId: number, userAgent: string, nowMs: number): Promise<string> {
  const id = randomBytes(24).toString('base64url');
  const db = await engine();
  await db.transaction(async (tx) => {
    await tx.run(
      sql`INSERT INTO ${sessions} (${bare(sessions.id)}, ${bare(sessions.userId)}, ${bare(sessions.createdAt)}, ${bare(sessions.lastSeenAt)}, ${bare(sessions.userAgent)}, ${bare(sessions.expiresAt)})
          VALUES (${id}, ${userId}, ${nowMs}, ${nowMs}, ${userAgent.slice(0, 80)}, ${expiryAt(nowMs, nowMs)})`,
    );
    // Expired rows of this user go when they sign in again: the table stays the size of live sessions.
    await tx.run(sql`DELETE FROM ${sessions} WHERE ${sessions.userId} = ${userId} AND ${sessions.expiresAt} < ${nowMs}`);
  });
  return id;
}

const liveRow = z.object({
  userId: int,
  createdAt: int,
  lastSeenAt: int,
  role: z.enum(ROLES),
  name: z.string(),
  email: z.string(),
  sessionVersion: int,
});
type LiveRow = z.infer<typeof liveRow>;

// The session check runs on every request: both statements are prepared once, at first use.
let prepared: Promise<{
  live: Prepared<{ id: string; now: number }, LiveRow>;
  touch: Prepared<{ id: string; now: number; expires: number; before: number }, never>;
}> | undefined;
function statements() {
  prepared ??= engine().then((db) => ({
    live: db.prepare<{ id: string; now: number }, LiveRow>(
      sql`SELECT ${sessions.userId} AS "userId", ${sessions.createdAt} AS "createdAt", ${sessions.lastSeenAt} AS "lastSeenAt",
            ${users.role} AS "role", ${users.name} AS "name", ${users.email} AS "email", ${users.sessionVersion} AS "sessionVersion"
          FROM ${sessions} JOIN ${users} ON ${users.id} = ${sessions.userId}
          WHERE ${sessions.id} = ${sql.placeholder('id')} AND ${sessions.expiresAt} > ${sql.placeholder('now')}`,
      liveRow,
    ),
    touch: db.prepare<{ id: string; now: number; expires: number; before: number }>(
      sql`UPDATE ${sessions} SET ${bare(sessions.lastSeenAt)} = ${sql.placeholder('now')}, ${bare(sessions.expiresAt)} = ${sql.placeholder('expires')}
          WHERE ${sessions.id} = ${sql.placeholder('id')} AND ${sessions.lastSeenAt} < ${sql.placeholder('before')}`,
    ),
  }));
  return prepared;
}

export interface LiveSession {
  userId: number;
  role: 'student' | 'instructor';
  name: string;
  email: string;
  sessionVersion: number;
}

/**
 * The session with this id and its user, if the session is still open; notes that it was seen.
 * The caller compares the user id and session version with what the token carries.
 */
export async function openSession(id: unknown, nowMs: number): Promise<LiveSession | undefined> {
  if (typeof id !== 'string' || id.length === 0 || id.length > 64) return undefined;
  const { live, touch } = await statements();
  const row = await live.get({ id, now: nowMs });
  if (!row) return undefined;
  if (nowMs - row.lastSeenAt >= LAST_SEEN_RESOLUTION_MS) {
    await touch.run({ id, now: nowMs, expires: expiryAt(row.createdAt, nowMs), before: nowMs - LAST_SEEN_RESOLUTION_MS });
  }
  return { userId: row.userId, role: row.role, name: row.name, email: row.email, sessionVersion: row.sessionVersion };
}

/** Ends one session. */
export async function deleteSession(id: string): Promise<void> {
  const db = await engine();
  await db.run(sql`DELETE FROM ${sessions} WHERE ${sessions.id} = ${id}`);
}

/** Ends one of the user's own sessions; false when it is not theirs or already gone. */
export async function deleteSessionOf(userId: number, id: string): Promise<boolean> {
  const db = await engine();
  return (await db.run(sql`DELETE FROM ${sessions} WHERE ${sessions.id} = ${id} AND ${sessions.userId} = ${userId}`)).changes > 0;
}

/** Ends every session of the user (password change, "sign out everywhere", role change). */
export async function deleteSessionsOf(userId: number): Promise<number> {
  const db = await engine();
  return (await db.run(sql`DELETE FROM ${sessions} WHERE ${sessions.userId} = ${userId}`)).changes;
}

const summaryRow = z.object({ id: z.string(), userAgent: z.string(), createdAt: int, lastSeenAt: int });
export type SessionSummary = z.infer<typeof summaryRow>;

/** The user's open sessions, most recently used first. */
export async function sessionsOf(userId: number, nowMs: number): Promise<SessionSummary[]> {
  const db = await engine();
  return db.all(
    sql`SELECT ${sessions.id} AS "id", ${sessions.userAgent} AS "userAgent", ${sessions.createdAt} AS "createdAt", ${sessions.lastSeenAt} AS "lastSeenAt"
        FROM ${sessions} WHERE ${sessions.userId} = ${userId} AND ${sessions.expiresAt} > ${nowMs}
        ORDER BY ${sessions.lastSeenAt} DESC`,
    summaryRow,
  );
}
