/**
 * Server-side session records (the `sessions` table): created at sign-in, checked on every request
 * through session.ts, deleted at sign-out, password change and "sign out everywhere". Every
 * function that a signed-in user reaches is scoped to that user's own sessions.
 */
import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, desc, eq, gt, lt, sql } from 'drizzle-orm';
import { db } from '@/db';
import { sessions, users } from '@/db/schema';

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
export function createSession(userId: number, userAgent: string, nowMs: number): string {
  const id = randomBytes(24).toString('base64url');
  db.insert(sessions).values({ id, userId, createdAt: nowMs, lastSeenAt: nowMs, userAgent: userAgent.slice(0, 80), expiresAt: expiryAt(nowMs, nowMs) }).run();
  // Expired rows of this user go when they sign in again: the table stays the size of live sessions.
  db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, nowMs))).run();
  return id;
}

const liveSession = db
  .select({
    userId: sessions.userId,
    createdAt: sessions.createdAt,
    lastSeenAt: sessions.lastSeenAt,
    role: users.role,
    name: users.name,
    email: users.email,
    sessionVersion: users.sessionVersion,
  })
  .from(sessions)
  .innerJoin(users, eq(users.id, sessions.userId))
  .where(and(eq(sessions.id, sql.placeholder('id')), gt(sessions.expiresAt, sql.placeholder('now'))))
  .prepare();

const touch = db
  .update(sessions)
  .set({ lastSeenAt: sql`${sql.placeholder('now')}`, expiresAt: sql`${sql.placeholder('expires')}` })
  .where(and(eq(sessions.id, sql.placeholder('id')), lt(sessions.lastSeenAt, sql.placeholder('before'))))
  .prepare();

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
export function openSession(id: unknown, nowMs: number): LiveSession | undefined {
  if (typeof id !== 'string' || id.length === 0 || id.length > 64) return undefined;
  const row = liveSession.get({ id, now: nowMs });
  if (!row) return undefined;
  if (nowMs - row.lastSeenAt >= LAST_SEEN_RESOLUTION_MS) {
    touch.run({ id, now: nowMs, expires: expiryAt(row.createdAt, nowMs), before: nowMs - LAST_SEEN_RESOLUTION_MS });
  }
  return { userId: row.userId, role: row.role, name: row.name, email: row.email, sessionVersion: row.sessionVersion };
}

/** Ends one session. */
export function deleteSession(id: string): void {
  db.delete(sessions).where(eq(sessions.id, id)).run();
}

/** Ends one of the user's own sessions; false when it is not theirs or already gone. */
export function deleteSessionOf(userId: number, id: string): boolean {
  return db.delete(sessions).where(and(eq(sessions.id, id), eq(sessions.userId, userId))).run().changes > 0;
}

/** Ends every session of the user (password change, "sign out everywhere", role change). */
export function deleteSessionsOf(userId: number): number {
  return db.delete(sessions).where(eq(sessions.userId, userId)).run().changes;
}

export interface SessionSummary {
  id: string;
  userAgent: string;
  createdAt: number;
  lastSeenAt: number;
}

/** The user's open sessions, most recently used first. */
export function sessionsOf(userId: number, nowMs: number): SessionSummary[] {
  return db
    .select({ id: sessions.id, userAgent: sessions.userAgent, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, nowMs)))
    .orderBy(desc(sessions.lastSeenAt))
    .all();
}
