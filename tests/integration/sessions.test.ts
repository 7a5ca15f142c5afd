/** Server-side sessions: they slide with use, end after 30 idle days or 90 in all, and are scoped to their user. */
import { describe, expect, it } from 'vitest';
import { createSession, deleteSessionOf, openSession, sessionsOf } from '@/db/queries/sessions';
import { makeUser } from '../support/fixtures';

const T = Date.UTC(2026, 2, 2, 9);
const DAY = 86_400_000;

describe('server-side sessions', () => {
  it('stay open while used, and close after 30 days without use', async () => {
    const user = await makeUser();
    const id = await createSession(user.id, 'Chrome on Android', T);
    expect(await openSession(id, T + 29 * DAY)).toMatchObject({ userId: user.id });
    // Used on day 29: the 30 idle days count from then.
    expect(await openSession(id, T + 58 * DAY)).toMatchObject({ userId: user.id });
    expect(await openSession(id, T + 58 * DAY + 30 * DAY + 1)).toBeUndefined();
  });

  it('close 90 days after sign-in even when used every day', async () => {
    const user = await makeUser();
    const id = await createSession(user.id, 'Safari on iOS', T);
    for (let day = 1; day < 90; day += 1) expect(await openSession(id, T + day * DAY), `day ${day}`).toBeDefined();
    expect(await openSession(id, T + 90 * DAY + 1)).toBeUndefined();
  });

  it('note "last seen" at most once a minute, and list only the user’s own open sessions', async () => {
    const user = await makeUser();
    const other = await makeUser();
    const a = await createSession(user.id, 'Firefox on Linux', T);
    const b = await createSession(user.id, 'Chrome on Windows', T + 1000);
    const theirs = await createSession(other.id, 'Edge on Windows', T);
    await openSession(a, T + 30_000);
    expect((await sessionsOf(user.id, T + 30_000)).find((s) => s.id === a)?.lastSeenAt).toBe(T);
    await openSession(a, T + 61_000);
    const list = await sessionsOf(user.id, T + 61_000);
    expect(list.map((s) => s.id)).toEqual([a, b]);
    expect(list[0]?.lastSeenAt).toBe(T + 61_000);
    expect(await deleteSessionOf(user.id, theirs)).toBe(false); // not theirs to end
    expect(await openSession(theirs, T + 61_000)).toBeDefined();
    expect(await deleteSessionOf(user.id, b)).toBe(true);
    expect(await openSession(b, T + 61_000)).toBeUndefined();
  });

  it('refuse ids that cannot be session ids without a lookup', async () => {
    for (const id of [undefined, null, 42, '', 'x'.repeat(65), { id: 'x' }]) expect(await openSession(id, T)).toBeUndefined();
  });
});
