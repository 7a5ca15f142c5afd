/**
 * Hostile input to the grading and undo route handlers, called directly (no HTTP server): every bad
 * request gets a 4xx or a per-entry rejection, never a 5xx, never a stack trace, and writes nothing.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { bare } from '@/db/engine/fragments';
import { int } from '@/db/engine/rows';
import { cardStates, cards as cardsTable, reviewLogs as l, typedAnswers } from '@/db/schema';
import { recordReview } from '@/db/queries/reviews';
import { studySettingsFor } from '@/db/queries/settings';
import { cardIds, countOf, exec, loadRealDeck, makeUser } from '../support/fixtures';
import { makeTinyDeck } from '../support/teach-fixtures';

const session = vi.hoisted(() => ({ user: null as null | { id: number; name: string; email: string; role: 'student' } }));
vi.mock('@/app/_lib/session', () => ({ currentUser: async () => session.user }));

const { POST: grade } = await import('@/app/api/reviews/route');
const { POST: undo } = await import('@/app/api/reviews/undo/route');

const MB = 'x'.repeat(1024 * 1024);
// What a page of ours sends: the browser adds Origin (and Sec-Fetch-Site) to every POST.
const SAME_ORIGIN = { host: 'test', origin: 'http://test', 'sec-fetch-site': 'same-origin' };
const post = (handler: (r: Request) => Promise<Response>, body: string, type = 'application/json', headers: Record<string, string> = SAME_ORIGIN) =>
  handler(new Request('http://test/api/x', { method: 'POST', headers: { ...headers, 'content-type': type }, body }));

/** Review rows, card states and undone reviews, together: any write the routes could make moves it. */
async function writes() {
  return countOf(sql`SELECT (SELECT count(*) FROM ${l}) + (SELECT count(*) FROM ${cardStates}) + (SELECT count(*) FROM ${l} WHERE ${l.undoneAt} IS NOT NULL) AS "n"`);
}

async function expectRefused(response: Response, status: number) {
  const text = await response.text();
  expect(response.status, text.slice(0, 200)).toBe(status);
  expect(text).not.toMatch(/\n\s+at |Error:|node_modules|SqliteError|DatabaseError|invalid input syntax|violates/);
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
    await loadRealDeck();
    cards = await cardIds();
    const owner = await makeUser('instructor');
    // A basic card in a deck only its owner studies.
    privateCard = (await makeTinyDeck('hostile-private', owner.id)).c1;
    const c = cardsTable;
    retiredCard = cards.at(-1) as number;
    await exec(sql`UPDATE ${c} SET ${bare(c.retiredAt)} = 1 WHERE ${c.id} = ${retiredCard}`);
  });

  beforeEach(async () => {
    const u = await makeUser();
    session.user = { id: u.id, name: u.name, email: u.email, role: 'student' };
  });

  it('refuses malformed bodies with a 4xx and writes nothing', async () => {
    const before = await writes();
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
    expect(await writes()).toEqual(before);
  });

  it('rejects each bad entry on its own, with a reason, and records none of them', async () => {
    const before = await writes();
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
      entry({ clientId: 'nul-\u0000-in-the-id' }),
      entry({ typed: { answer: '\u0000', overruled: false } }),
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
    expect(await writes()).toEqual(before);
  });

  it('accepts the good entries of a large mixed batch and rejects the rest', async () => {
    const reviews = Array.from({ length: 500 }, (_, i) => (i % 2 ? entry({ cardId: cards[i % 100], reviewedAt: now - 1000 + i }) : entry({ grade: 0 })));
    const response = await post(grade, JSON.stringify({ reviews }));
    const { results } = (await response.json()) as { results: { status: string }[] };
    expect(results.filter((r) => r.status === 'recorded')).toHaveLength(250);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(250);
  });

  it('keeps a grade whose typed answer holds a NUL, storing the answer without it', async () => {
    const e = await engine();
    const typedCard = (await e.get(sql`SELECT ${cardsTable.id} AS "id" FROM ${cardsTable} WHERE ${cardsTable.deckId} = 'war-for-peace' AND ${cardsTable.type} = 'typed' AND ${cardsTable.retiredAt} IS NULL ORDER BY ${cardsTable.id} LIMIT 1`, z.object({ id: int })))!.id;
    const response = await post(grade, JSON.stringify({ reviews: [entry({ cardId: typedCard, typed: { answer: 'about\u0000 2,500', overruled: false } })] }));
    expect(response.status).toBe(200);
    expect(((await response.json()) as { results: { status: string }[] }).results.map((r) => r.status)).toEqual(['recorded']);
    const stored = await e.all(sql`SELECT ${typedAnswers.answer} AS "answer" FROM ${typedAnswers} WHERE ${typedAnswers.userId} = ${session.user!.id}`, z.object({ answer: z.string() }));
    expect(stored).toEqual([{ answer: 'about 2,500' }]);
  });

  it('answers 401 without a session', async () => {
    session.user = null;
    await expectRefused(await post(grade, JSON.stringify({ reviews: [entry()] })), 401);
    await expectRefused(await post(undo, JSON.stringify({ clientId: 'whatever-id' })), 401);
  });

  it('undo refuses bad bodies and another user’s review, and changes nothing', async () => {
    const victim = await makeUser();
    await recordReview(victim.id, { cardId: cards[1] as number, grade: 3, clientId: 'victims-review', reviewedAt: new Date(now - 1000), durationMs: 1, source: 'review' }, await studySettingsFor(victim.id), new Date(now));
    const before = await writes();
    await expectRefused(await post(undo, '{"clientId": '), 400);
    await expectRefused(await post(undo, JSON.stringify({ clientId: 'victims-review' }), 'application/x-www-form-urlencoded'), 415);
    await expectRefused(await post(undo, JSON.stringify({ clientId: MB })), 413);
    await expectRefused(await post(undo, JSON.stringify({ clientId: 12345678 })), 400);
    await expectRefused(await post(undo, JSON.stringify({})), 400);
    await expectRefused(await post(undo, JSON.stringify({ clientId: 'victims-review' })), 404);
    await expectRefused(await post(undo, JSON.stringify({ clientId: 'never-existed' })), 404);
    await expectRefused(await post(undo, JSON.stringify({ clientId: 'victims-review\u0000' })), 400);
    expect(await writes()).toEqual(before);
    expect(await (await engine()).get(sql`SELECT ${l.undoneAt} AS "undoneAt" FROM ${l} WHERE ${l.clientId} = 'victims-review'`, z.object({ undoneAt: int.nullable() }))).toEqual({ undoneAt: null });
  });
});

describe('cross-site requests, media types and streamed bodies on the state-changing routes', () => {
  let card: number;
  beforeAll(async () => {
    card = (await cardIds())[0] as number;
  });
  beforeEach(async () => {
    const u = await makeUser();
    session.user = { id: u.id, name: u.name, email: u.email, role: 'student' };
  });
  const body = () => JSON.stringify({ reviews: [{ clientId: `csrf-${Math.random().toString(36).slice(2)}`, cardId: card, grade: 3, reviewedAt: Date.now(), durationMs: 5 }] });

  it('refuses a forged grade from another origin, even one that merely mentions application/json', async () => {
    const before = await writes();
    // The attack seen: a no-cors fetch from another port of the same host.
    const sibling = { host: 'test', origin: 'http://test:8080', 'sec-fetch-site': 'same-site' };
    await expectRefused(await post(grade, body(), 'text/plain; application/json', sibling), 403);
    await expectRefused(await post(grade, body(), 'application/json', sibling), 403);
    await expectRefused(await post(grade, body(), 'application/json', { host: 'test', origin: 'https://evil.example' }), 403);
    await expectRefused(await post(grade, body(), 'application/json', { host: 'test', origin: 'null' }), 403);
    await expectRefused(await post(grade, body(), 'application/json', { host: 'test', 'sec-fetch-site': 'cross-site' }), 403);
    // Neither header: not a page of ours.
    await expectRefused(await post(grade, body(), 'application/json', { host: 'test' }), 403);
    await expectRefused(await post(undo, JSON.stringify({ clientId: 'whatever-id' }), 'application/json', sibling), 403);
    // Same origin, but a type that only contains the words.
    for (const type of ['text/plain; application/json', 'text/plain;charset=application/json', 'application/jsonp', 'application/json; charset=latin1', 'multipart/form-data']) {
      await expectRefused(await post(grade, body(), type), 415);
    }
    expect(await writes()).toEqual(before);
    // Sec-Fetch-Site alone (an old proxy stripping Origin) or Origin alone are enough when same-origin.
    expect((await post(grade, body(), 'application/json', { host: 'test', 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await post(grade, body(), 'application/json; charset=UTF-8', { host: 'test', origin: 'http://test' })).status).toBe(200);
  });

  it('stops reading a chunked body at the cap and answers 413, before buffering it all', async () => {
    const before = await writes();
    let pulled = 0;
    const chunk = new TextEncoder().encode(`{"reviews":[${' '.repeat(64 * 1024 - 12)}`);
    // 10,000 chunks of 64 KB = 640 MB if it were read to the end.
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        if (pulled > 10_000) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const request = new Request('http://test/api/reviews', { method: 'POST', headers: { ...SAME_ORIGIN, 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    await expectRefused(await grade(request), 413);
    expect(pulled).toBeLessThan(10); // 256 KB cap: a handful of chunks, not 640 MB
    expect(await writes()).toEqual(before);
  });

  it('rejects a reviewedAt past the JavaScript date range on its own, and records the rest of the batch', async () => {
    const good = { clientId: `date-ok-${Math.random().toString(36).slice(2)}`, cardId: card, grade: 3, reviewedAt: Date.now() - 1000, durationMs: 5 };
    const response = await post(grade, JSON.stringify({ reviews: [{ ...good, clientId: `${good.clientId}-far`, reviewedAt: 8.64e15 + 1 }, { ...good, clientId: `${good.clientId}-max`, reviewedAt: Number.MAX_SAFE_INTEGER }, good] }));
    expect(response.status).toBe(200);
    const { results } = (await response.json()) as { results: { status: string }[] };
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'recorded']);
  });
});
