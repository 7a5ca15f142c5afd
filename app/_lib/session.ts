/**
 * Who is asking, and ending that. Every page, action and route handler starts here; the proxy is
 * only a redirect. Cached per request with React's cache(), so several calls cost one check.
 * A token Auth.js verified in the last minute is not decrypted again (verified-tokens.ts), but its
 * server-side session (db/queries/sessions.ts) is looked up on every request: a session ended
 * anywhere (sign-out, password change, "sign out everywhere") is refused on its very next use.
 */
import 'server-only';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { forbidden, redirect } from 'next/navigation';
import { auth, signOut } from '@/auth';
import { isSessionCookie } from '@/auth.config';
import { deleteSession, openSession } from '@/db/queries/sessions';
import { forgetVerifiedToken, recallVerifiedToken, rememberVerifiedToken } from '@/db/queries/verified-tokens';
import type { Role, SignedInUser } from '@/lib/auth/session-user';

export type { SessionUser, SignedInUser } from '@/lib/auth/session-user';

/** The session cookie's value (all chunks, in order), as the key for the verified-token cache. */
async function sessionToken(): Promise<string | undefined> {
  const parts = (await cookies())
    .getAll()
    .filter((c) => isSessionCookie(c.name))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((c) => `${c.name}=${c.value}`);
  return parts.length > 0 ? parts.join(';') : undefined;
}

export const currentUser = cache(async (): Promise<SignedInUser | null> => {
  const token = await sessionToken();
  if (!token) return null;
  const nowMs = Date.now();
  const known = recallVerifiedToken(token, nowMs);
  if (known) {
    const row = await openSession(known.sessionId, nowMs);
    if (row && row.userId === known.userId && row.sessionVersion === known.sessionVersion) {
      return { id: known.userId, name: row.name, email: row.email, role: row.role, sessionId: known.sessionId };
    }
    forgetVerifiedToken(token); // ended or revoked: let Auth.js reject it and clear the cookie
  }
  // Auth.js decrypts the token; its jwt callback (auth.ts) checks the session row.
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!session?.user || !Number.isInteger(id) || id <= 0 || typeof session.sid !== 'string') return null;
  if (typeof session.sv === 'number') {
    rememberVerifiedToken(token, { userId: id, sessionVersion: session.sv, sessionId: session.sid }, nowMs, Date.parse(session.expires));
  }
  return { id, name: session.user.name, email: session.user.email, role: session.user.role, sessionId: session.sid };
});

/** For pages: the signed-in user, or a redirect to sign-in. */
export async function requireUser(): Promise<SignedInUser> {
  const user = await currentUser();
  if (!user) redirect('/signin');
  return user;
}

/** For pages: the signed-in user with this role, or 403. */
export async function requireRole(role: Role): Promise<SignedInUser> {
  const user = await requireUser();
  if (user.role !== role) forbidden();
  return user;
}

/** Ends this browser's session on the server; the cookie is then worth nothing, wherever a copy is. */
export async function endCurrentSession(): Promise<void> {
  const token = await sessionToken();
  const user = await currentUser();
  if (user) await deleteSession(user.sessionId);
  if (token) forgetVerifiedToken(token);
}

/** Clears this browser's session cookie and sends it to `to` (throws Next's redirect). */
export async function signOutThisBrowser(to: string): Promise<never> {
  await endCurrentSession();
  await signOut({ redirectTo: to });
  redirect(to); // not reached: signOut redirects
}
