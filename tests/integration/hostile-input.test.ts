/**
 * Hostile input to the grading and undo route handlers, called directly (no HTTP server): every bad
 * request gets a 4xx or a per-entry rejection, never a 5xx, never a stack trace, and writes nothing.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { recordReview } from '@/db/queries/reviews';
import { studySettingsFor } from '@/db/queries/settings';
import { cardIds, loadRealDeck, makeUser } from '../support/fixtures';

const session = vi.hoisted(() => ({ user: null as null | { id: number; name: string; email: string; role: 'student' } }));
vi.mock('@/db/queries/session', () => ({ currentUser: async () => session.user }));

const { POST: grade } = await import('@/app/api/reviews/route');
const { POST: undo } = await import('@/app/api/reviews/undo/route');

const MB = 'x'.repeat(1024 * 1024);
const post = (handler: (r: Request) => Promise<Response>, body: string, type = 'application/json') =>
  handler(new Request('http://test/api/x', { method: 'POST', headers: { 'content-type': type }, body }));

function writes() {
  return db.$client.prepare('SELECT (SELECT count(*) FROM review_logs) + (SELECT count(*) FROM card_states) + (SELECT coalesce(sum(undone_at IS NOT NULL), 0) FROM review_logs) AS n').get() as { n: number };
}

async function expectRefused(response: Response, status: number) {
  const text = await response.text();
  expect(response.status, text.slice(0, 200)).toBe(status);
  expect(text).not.toMatch(/\n\s+at |Error:|node_modules|SqliteError/);
  expect(text.length).toBeLessThan(2000); // no echo of a huge input
  return text;
}

describe('hostile input to POST /api/reviews and /api/reviews/undo', () => {
  let cards: number[];
  let privateCard: number;
  let retiredCard: number;
  const now = Date.now();
  const entry = (over: Record<string, unknown> = {}) => ({ clientId: `hostile-${Math.random().toString(36).slice(2)}`, cardId: cards[0], grade: 3, reviewedAt: now, durationMs: 10, ...over });

  beforeAll(async () => {
    loadRealDeck();
    cards = cardIds();
    const owner = await makeUser('instructor');
    db.$client.prepare("INSERT INTO decks (id, title, owner_id) VALUES ('hostile-private', 'Private', ?)").run(owner.id);
    const section = db.$client.prepare("INSERT INTO sections (deck_id, key, title, position) VALUES ('hostile-private', 's', 'S', 0)").run();
    privateCard = Number(
      db.$client
        .prepare("INSERT INTO cards (deck_id, section_id, key, item_id, type, position, prompt, answer, payload, content_hash, updated_at) VALUES ('hostile-private', ?, 'k', 'k', 'basic', 0, 'p', 'a', '{}', 'h', 0)")
        .run(section.lastInsertRowid).lastInsertRowid,
    );
    retiredCard = cards.at(-1) as number;
    db.$client.prepare('UPDATE cards SET retired_at = 1 WHERE id = ?').run(retiredCard);
  });

  beforeEach(async () => {
    const u = await makeUser();
    session.user = { id: u.id, name: u.name, email: u.email, role: 'student' };
  });

  it('refuses malformed bodies with a 4xx and writes nothing', async () => {
    const before = writes();
    await expectRefused(await post(grade, '{"reviews": [', 'application/json'), 400);
    await expectRefused(await post(grade, JSON.stringify({ reviews: [entry()] }), 'text/plain'), 415);
    await expectRefused(await post(grade, JSON.stringify({ reviews: [entry({ clientId: MB })] })), 413);
    await expectRefused(await post(grade, JSON.stringify({ reviews: [entry()], note: MB })), 413);
    await expectRefused(await post(grade, '['.repeat(100_000) + ']'.repeat(100_000)), 400);
    await expectRefused(await post(grade, JSON.stringify({ reviews: 'all of them' })), 400);
    await expectRefused(await post(grade, JSON.stringify({ reviews: [] })), 400);
    await expectRefused(await post(grade, JSON.stringify({})), 400);
    await expectRefused(await post(grade, 'null'), 400);
    await expectRefused(await post(grade, `{"reviews":[${JSON.stringify(entry())}],"__proto__":{"admin":true}}`), 400);
    await expectRefused(await post(grade, JSON.stringify({ reviews: [entry()], extra: 1 })), 400);
    await expectRefused(await post(grade, JSON.stringify({ reviews: Array.from({ length: 501 }, () => entry()) })), 400);
    expect(writes()).toEqual(before);
  });

  it('rejects each bad entry on its own, with a reason, and records none of them', async () => {
    const before = writes();
    const bad = [
      entry({ grade: '3' }),
      entry({ grade: 5 }),
      entry({ cardId: -1 }),
      entry({ cardId: 1.5 }),
      entry({ cardId: 99_999_999 }),
      entry({ cardId: privateCard }),
      entry({ cardId: retiredCard }),
      entry({ reviewedAt: now + 3_600_000 }),
      entry({ reviewedAt: 'yesterday' }),
      entry({ reviewedAt: 1e308 }),
      entry({ durationMs: -5 }),
      entry({ clientId: 'short' }),
      entry({ clientId: '<script>alert(1)</script>' }),
      { cardId: cards[0], grade: 3 },
      entry({ userId: 1 }),
      null,
      42,
      'text',
    ];
    const response = await post(grade, JSON.stringify({ reviews: bad }));
    expect(response.status).toBe(200);
    const { results } = (await response.json()) as { results: { status: string; reason?: string }[] };
    expect(results).toHaveLength(bad.length);
    expect(results.filter((r) => r.status !== 'rejected')).toEqual([]);
    expect(results.every((r) => typeof r.reason === 'string' && r.reason.length > 0 && !/\n\s+at /.test(r.reason))).toBe(true);
    expect(writes()).toEqual(before);
  });

  it('accepts the good entries of a large mixed batch and rejects the rest', async () => {
    const reviews = Array.from({ length: 500 }, (_, i) => (i % 2 ? entry({ cardId: cards[i % 100], reviewedAt: now - 1000 + i }) : entry({ grade: 0 })));
    const response = await post(grade, JSON.stringify({ reviews }));
    const { results } = (await response.json()) as { results: { status: string }[] };
    expect(results.filter((r) => r.status === 'recorded')).toHaveLength(250);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(250);
  });

  it('answers 401 without a session', async () => {
    session.user = null;
    await expectRefused(await post(grade, JSON.stringify({ reviews: [entry()] })), 401);
    await expectRefused(await post(undo, JSON.stringify({ clientId: 'whatever-id' })), 401);
  });

  it('undo refuses bad bodies and another user’s review, and changes nothing', async () => {
    const victim = await makeUser();
    recordReview(victim.id, { cardId: cards[1] as number, grade: 3, clientId: 'victims-review', reviewedAt: new Date(now - 1000), durationMs: 1, source: 'review' }, studySettingsFor(victim.id), new Date(now));
    const before = writes();
    await expectRefused(await post(undo, '{"clientId": '), 400);
    await expectRefused(await post(undo, JSON.stringify({ clientId: 'victims-review' }), 'application/x-www-form-urlencoded'), 415);
    await expectRefused(await post(undo, JSON.stringify({ clientId: MB })), 413);
    await expectRefused(await post(undo, JSON.stringify({ clientId: 12345678 })), 400);
    await expectRefused(await post(undo, JSON.stringify({})), 400);
    await expectRefused(await post(undo, JSON.stringify({ clientId: 'victims-review' })), 404);
    await expectRefused(await post(undo, JSON.stringify({ clientId: 'never-existed' })), 404);
    expect(writes()).toEqual(before);
    expect(db.$client.prepare("SELECT undone_at FROM review_logs WHERE client_id = 'victims-review'").get()).toEqual({ undone_at: null });
  });
});
