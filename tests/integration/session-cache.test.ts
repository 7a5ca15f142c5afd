/**
 * currentUser() skips Auth.js's token decryption for a token it verified in the last minute, but
 * never skips the revocation check: these tests stand in for the cookie jar and Auth.js.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { makeUser } from '../support/fixtures';

const jar = new Map<string, string>();
const auth = vi.fn();
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
  }),
}));
vi.mock('@/auth', () => ({ auth: () => auth() }));

const { currentUser } = await import('@/db/queries/session');

function sessionFor(user: { id: number; name: string; email: string }, sv: number) {
  return { user: { id: String(user.id), name: user.name, email: user.email, role: 'student' }, sv, expires: new Date(Date.now() + 30 * 86_400_000).toISOString() };
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
    auth.mockResolvedValue(sessionFor(user, 0));
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
    auth.mockResolvedValue(sessionFor(user, 0));
    expect(await currentUser()).not.toBeNull();
    db.$client.prepare('UPDATE users SET session_version = session_version + 1 WHERE id = ?').run(user.id);
    auth.mockResolvedValue(null); // what Auth.js answers for a revoked token
    expect(await currentUser()).toBeNull();
    expect(auth).toHaveBeenCalledTimes(2);
  });

  it('reflects a role or name change from the database, and forgets tokens after a minute', async () => {
    const user = await makeUser();
    jar.set('__Secure-authjs.session-token', 'token-secure');
    auth.mockResolvedValue(sessionFor(user, 0));
    await currentUser();
    db.$client.prepare("UPDATE users SET name = 'Renamed' WHERE id = ?").run(user.id);
    expect(await currentUser()).toMatchObject({ name: 'Renamed' });
    expect(auth).toHaveBeenCalledTimes(1);
    vi.useFakeTimers({ now: Date.now() + 61_000 });
    await currentUser();
    expect(auth).toHaveBeenCalledTimes(2);
  });

  it('does not remember anything without a cookie or without a session', async () => {
    auth.mockResolvedValue(null);
    expect(await currentUser()).toBeNull();
    jar.set('authjs.session-token', 'garbage');
    expect(await currentUser()).toBeNull();
    expect(await currentUser()).toBeNull();
    expect(auth).toHaveBeenCalledTimes(3);
  });
});
