/**
 * Who is asking. Every page, action and route handler starts here; the proxy is only a redirect.
 * Cached per request with React's cache(), so several calls cost one token check.
 */
import 'server-only';
import { cache } from 'react';
import { forbidden, redirect } from 'next/navigation';
import { auth } from '@/auth';
import type { Role } from '@/db/schema';

export interface SessionUser {
  id: number;
  name: string;
  email: string;
  role: Role;
}

export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!session?.user || !Number.isInteger(id) || id <= 0) return null;
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
