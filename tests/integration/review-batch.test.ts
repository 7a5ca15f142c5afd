import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { bare } from '@/db/engine/fragments';
import { int } from '@/db/engine/rows';
import { cardStates as cs, reviewLogs as l } from '@/db/schema';
import { applyGradeBatch } from '@/db/queries/review-batch';
import { undoReview } from '@/db/queries/reviews';
import { cardIds, countOf, exec, loadRealDeck, makeUser } from '../support/fixtures';

const NOW = new Date('2026-03-02T09:00:00Z');

describe('the grade batch endpoint logic', () => {
  let cards: number[];
  beforeAll(async () => {
    await loadRealDeck();
    cards = await cardIds();
  });

  it('applies valid entries in time order and rejects the others with a reason each', async () => {
    const user = await makeUser();
    const entries = [
      { clientId: 'batch-entry-2', cardId: cards[0], grade: 3, reviewedAt: NOW.getTime() - 1000, durationMs: 10 },
      { clientId: 'batch-entry-1', cardId: cards[0], grade: 3, reviewedAt: NOW.getTime() - 5000, durationMs: 10 },
      { clientId: 'batch-bad-grade', cardId: cards[1], grade: 7, reviewedAt: NOW.getTime(), durationMs: 10 },
      { clientId: 'batch-no-card', cardId: 99_999_999, grade: 3, reviewedAt: NOW.getTime(), durationMs: 10 },
      { clientId: 'batch-future', cardId: cards[1], grade: 3, reviewedAt: NOW.getTime() + 3_600_000, durationMs: 10 },
      'not even an object',
      { clientId: 'x'.repeat(1_000_000), cardId: cards[1], grade: 3, reviewedAt: NOW.getTime(), durationMs: 10 },
    ];
    const results = await applyGradeBatch(user.id, entries, NOW);
    expect(results.map((r) => r.status)).toEqual(['recorded', 'recorded', 'rejected', 'rejected', 'rejected', 'rejected', 'rejected']);
    const logs = await (await engine()).all(
      sql`SELECT ${l.clientId} AS "clientId", ${l.stateBefore} AS "stateBefore" FROM ${l} WHERE ${l.userId} = ${user.id} ORDER BY ${l.id}`,
      z.object({ clientId: z.string(), stateBefore: int }),
    );
    // Applied in the order the grades were made, not the order they were sent.
    expect(logs).toEqual([
      { clientId: 'batch-entry-1', stateBefore: 0 },
      { clientId: 'batch-entry-2', stateBefore: 1 },
    ]);
    expect(results[3]).toMatchObject({ reason: expect.stringContaining('not yours') });
    expect(results[4]).toMatchObject({ reason: expect.stringContaining('future') });
  });

  it('counts a grade sent again in a later batch once', async () => {
    const user = await makeUser();
    const entry = { clientId: 'resent-grade-1', cardId: cards[2], grade: 4, reviewedAt: NOW.getTime(), durationMs: 10 };
    expect((await applyGradeBatch(user.id, [entry], NOW))[0]?.status).toBe('recorded');
    expect((await applyGradeBatch(user.id, [entry, entry], NOW)).map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(await countOf(sql`SELECT count(*) AS "n" FROM ${l} WHERE ${l.userId} = ${user.id}`)).toBe(1);
  });
});

describe('a batch isolates its entries', () => {
  let cards: number[];
  beforeAll(async () => {
    await loadRealDeck();
    cards = await cardIds();
  });
  const entry = (clientId: string, cardId: number, reviewedAt = NOW.getTime() - 60_000) => ({ clientId, cardId, grade: 3, reviewedAt, durationMs: 10 });

  it('answers `undone` to a first review re-sent after its undo, and records the rest of the batch', async () => {
    const user = await makeUser();
    const first = entry('first-then-undone', cards[10] as number);
    expect((await applyGradeBatch(user.id, [first], NOW))[0]?.status).toBe('recorded');
    expect((await undoReview(user.id, first.clientId, NOW)).ok).toBe(true);
    // The response to the first send was lost: the outbox sends the same id again, with a new grade beside it.
    const results = await applyGradeBatch(user.id, [first, entry('after-the-undo', cards[11] as number)], NOW);
    expect(results.map((r) => r.status)).toEqual(['undone', 'recorded']);
    expect(await countOf(sql`SELECT count(*) AS "n" FROM ${cs} WHERE ${cs.userId} = ${user.id} AND ${cs.cardId} = ${cards[10]}`)).toBe(0);
  });

  it('rejects times outside the date range and bad numbers with a reason, and records the others', async () => {
    const user = await makeUser();
    const bad = [
      { ...entry('beyond-js-dates', cards[12] as number), reviewedAt: 8_640_000_000_000_001 },
      { ...entry('year-2200', cards[12] as number), reviewedAt: Date.UTC(2200, 0, 1) },
      { ...entry('not-a-number', cards[12] as number), reviewedAt: Number.NaN },
      { ...entry('infinite-time', cards[12] as number), reviewedAt: Number.POSITIVE_INFINITY },
      { ...entry('negative-duration', cards[12] as number), durationMs: -1 },
      { ...entry('huge-card-id', cards[12] as number), cardId: 2 ** 60 },
    ];
    const results = await applyGradeBatch(user.id, [...bad, entry('the-good-one', cards[13] as number)], NOW);
    expect(results.map((r) => r.status)).toEqual([...bad.map(() => 'rejected'), 'recorded']);
    for (const r of results.slice(0, bad.length)) expect(r).toMatchObject({ reason: expect.any(String) });
    expect(results[0]).toMatchObject({ clientId: 'beyond-js-dates', reason: expect.stringContaining('reviewedAt') });
  });

  it('rejects a client id already used for another card instead of reporting it as saved', async () => {
    const user = await makeUser();
    expect((await applyGradeBatch(user.id, [entry('used-twice', cards[14] as number)], NOW))[0]?.status).toBe('recorded');
    const [again] = await applyGradeBatch(user.id, [entry('used-twice', cards[15] as number)], NOW);
    expect(again).toMatchObject({ status: 'rejected', reason: expect.stringContaining('another') });
  });

  it('keeps one entry that fails unexpectedly from failing the others (a corrupt stored state is decoded, not cast)', async () => {
    const user = await makeUser();
    const card = cards[16] as number;
    expect((await applyGradeBatch(user.id, [entry('before-corruption', card, NOW.getTime() - 120_000)], NOW))[0]?.status).toBe('recorded');
    await exec(sql`UPDATE ${cs} SET ${bare(cs.state)} = 9 WHERE ${cs.userId} = ${user.id} AND ${cs.cardId} = ${card}`);
    const results = await applyGradeBatch(user.id, [entry('on-the-corrupt-card', card), entry('on-a-good-card', cards[17] as number)], NOW);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'recorded']);
    // The failed entry wrote nothing.
    expect(await countOf(sql`SELECT count(*) AS "n" FROM ${l} WHERE ${l.userId} = ${user.id} AND ${l.clientId} = 'on-the-corrupt-card'`)).toBe(0);
  });
});
