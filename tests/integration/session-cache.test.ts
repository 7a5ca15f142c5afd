/**
 * currentUser() skips Auth.js's token decryption for a token it verified in the last minute, but
 * never skips the revocation check: these tests stand in for the cookie jar and Auth.js.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { bare } from '@/db/engine/fragments';
import { users } from '@/db/schema';
import { exec, makeUser } from '../support/fixtures';

const jar = new Map<string, string>();
const auth = vi.fn();
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
  }),
}));
vi.mock('@/auth', () => ({ auth: () => auth() }));

const { currentUser } = await import('@/app/_lib/session');
const { createSession, deleteSession, deleteSessionsOf } = await import('@/db/queries/sessions');

/** What Auth.js answers for a valid token: a fresh server-side session each time it is asked to make one. */
async function sessionFor(user: { id: number; name: string; email: string }, sv: number, sid?: string) {
  sid ??= await createSession(user.id, 'Test', Date.now());
  return { user: { id: String(user.id), name: user.name, email: user.email, role: 'student' }, sv, sid, expires: new Date(Date.now() + 30 * 86_400_000).toISOString() };
}

describe('currentUser with recently verified tokens', () => {
  beforeEach(() => {
    jar.clear();
    auth.mockReset();
  });
  afterEach(() => vi.useRealTimers());

  it('verifies a token with Auth.js once, then only checks its session version', async () => {
    const user = await makeUser();
    jar.set('authjs.session-token', 'token-a');
    auth.mockResolvedValue(await sessionFor(user, 0));
    expect(await currentUser()).toMatchObject({ id: user.id, email: user.email });
    expect(await currentUser()).toMatchObject({ id: user.id });
    expect(auth).toHaveBeenCalledTimes(1);
    // Another token (another device, or a refreshed cookie) is verified on its own.
    jar.set('authjs.session-token', 'token-b');
    await currentUser();
    expect(auth).toHaveBeenCalledTimes(2);
  });

  it('rejects a remembered token at once when the session version changes (password change)', async () => {
    const user = await makeUser();
    jar.set('authjs.session-token', 'token-revoked');
    auth.mockResolvedValue(await sessionFor(user, 0));
    expect(await currentUser()).not.toBeNull();
    await exec(sql`UPDATE ${users} SET ${bare(users.sessionVersion)} = ${bare(users.sessionVersion)} + 1 WHERE ${users.id} = ${user.id}`);
    auth.mockResolvedValue(null); // what Auth.js answers for a revoked token
    expect(await currentUser()).toBeNull();
    expect(auth).toHaveBeenCalledTimes(2);
  });

  it('reflects a role or name change from the database, and forgets tokens after a minute', async () => {
    const user = await makeUser();
    jar.set('__Secure-authjs.session-token', 'token-secure');
    auth.mockResolvedValue(await sessionFor(user, 0));
    await currentUser();
    await exec(sql`UPDATE ${users} SET ${bare(users.name)} = 'Renamed' WHERE ${users.id} = ${user.id}`);
    expect(await currentUser()).toMatchObject({ name: 'Renamed' });
    expect(auth).toHaveBeenCalledTimes(1);
    vi.useFakeTimers({ now: Date.now() + 61_000 });
    await currentUser();
    expect(auth).toHaveBeenCalledTimes(2);
  });

  it('does not remember anything without a cookie or without a session', async () => {
    auth.mockResolvedValue(null);
    expect(await currentUser()).toBeNull();
    expect(auth).not.toHaveBeenCalled(); // no cookie: nobody, without asking Auth.js
    jar.set('authjs.session-token', 'garbage');
    expect(await currentUser()).toBeNull();
    expect(await currentUser()).toBeNull();
    expect(auth).toHaveBeenCalledTimes(2);
  });

  it('refuses a remembered token at once when its server-side session is deleted (sign-out)', async () => {
    const user = await makeUser();
    const session = await sessionFor(user, 0);
    jar.set('authjs.session-token', 'token-signed-out');
    auth.mockResolvedValue(session);
    expect(await currentUser()).toMatchObject({ id: user.id, sessionId: session.sid });
    await deleteSession(session.sid);
    auth.mockResolvedValue(null); // Auth.js's jwt callback finds no row either
    expect(await currentUser()).toBeNull();
  });

  it('ends every session of the user at once ("sign out everywhere"), and only theirs', async () => {
    const user = await makeUser();
    const other = await makeUser();
    const mine = await sessionFor(user, 0);
    const theirs = await sessionFor(other, 0);
    jar.set('authjs.session-token', 'token-mine');
    auth.mockResolvedValue(mine);
    expect(await currentUser()).not.toBeNull();
    jar.set('authjs.session-token', 'token-theirs');
    auth.mockResolvedValue(theirs);
    expect(await currentUser()).not.toBeNull();
    expect(await deleteSessionsOf(user.id)).toBeGreaterThanOrEqual(1);
    auth.mockResolvedValue(null);
    jar.set('authjs.session-token', 'token-mine');
    expect(await currentUser()).toBeNull();
    jar.set('authjs.session-token', 'token-theirs');
    expect(await currentUser()).toMatchObject({ id: other.id });
  });
});
