/**
 * Who is asking. Every page, action and route handler starts here; the proxy is only a redirect.
 * Cached per request with React's cache(), so several calls cost one token check; a token Auth.js
 * verified in the last minute is not decrypted again (verified-tokens.ts), but its session version
 * is checked against the database every time.
 */
import 'server-only';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { forbidden, redirect } from 'next/navigation';
import { auth } from '@/auth';
import { isSessionCookie } from '@/auth.config';
import type { Role } from '@/db/schema';
import { sessionUser } from './auth';
import { forgetVerifiedToken, recallVerifiedToken, rememberVerifiedToken } from './verified-tokens';

export interface SessionUser {
  id: number;
  name: string;
  email: string;
  role: Role;
}

/** The session cookie's value (all chunks, in order), as the key for the verified-token cache. */
async function sessionToken(): Promise<string | undefined> {
  const parts = (await cookies())
    .getAll()
    .filter((c) => isSessionCookie(c.name))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((c) => `${c.name}=${c.value}`);
  return parts.length > 0 ? parts.join(';') : undefined;
}

export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const token = await sessionToken();
  const nowMs = Date.now();
  const known = token ? recallVerifiedToken(token, nowMs) : undefined;
  if (token && known) {
    const row = sessionUser(known.userId);
    if (row && row.sessionVersion === known.sessionVersion) return { id: known.userId, name: row.name, email: row.email, role: row.role };
    forgetVerifiedToken(token); // revoked or deleted: let Auth.js reject it and clear the cookie
  }
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!session?.user || !Number.isInteger(id) || id <= 0) return null;
  if (token && typeof session.sv === 'number') rememberVerifiedToken(token, { userId: id, sessionVersion: session.sv }, nowMs, Date.parse(session.expires));
  return { id, name: session.user.name, email: session.user.email, role: session.user.role };
});

/** For pages: the signed-in user, or a redirect to sign-in. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect('/signin');
  return user;
}

/** For pages: the signed-in user with this role, or 403. */
export async function requireRole(role: Role): Promise<SessionUser> {
  const user = await requireUser();
  if (user.role !== role) forbidden();
  return user;
}
