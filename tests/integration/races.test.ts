/**
 * Duplicates and races beyond tests/integration/reviews.test.ts: the same grade sent five times at
 * once through the route's path (group commit), and two processes writing the same database at
 * once (the same SQLite file, or the same PostgreSQL database: the writers inherit DATABASE_URL).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { databasePath } from '@/db/connection';
import { engine } from '@/db/engine';
import { int } from '@/db/engine/rows';
import { cardStates as cs, reviewLogs as l } from '@/db/schema';
import { applyGradeBatch } from '@/db/queries/review-batch';
import { studySettingsFor } from '@/db/queries/settings';
import { replayLog, type Grade } from '@/lib/scheduler';
import { cardIds, countOf, loadRealDeck, makeUser } from '../support/fixtures';

const run = promisify(execFile);
const NOW = new Date('2026-03-02T09:00:00Z');

async function logOf(userId: number, cardId: number) {
  const rows = await (await engine()).all(
    sql`SELECT ${l.rating} AS "rating", ${l.reviewedAt} AS "at" FROM ${l} WHERE ${l.userId} = ${userId} AND ${l.cardId} = ${cardId} AND ${l.undoneAt} IS NULL`,
    z.object({ rating: int, at: int }),
  );
  return rows.map((r) => ({ grade: r.rating as Grade, reviewedAt: new Date(r.at) }));
}

async function expectStateIsReplay(userId: number, cardId: number) {
  const replayed = replayLog(await logOf(userId, cardId), (await studySettingsFor(userId)).scheduler);
  const row = await (await engine()).get(
    sql`SELECT ${cs.due} AS "due", ${cs.stability} AS "stability", ${cs.difficulty} AS "difficulty", ${cs.reps} AS "reps", ${cs.lapses} AS "lapses", ${cs.state} AS "state",
          ${cs.lastReview} AS "lastReview"
        FROM ${cs} WHERE ${cs.userId} = ${userId} AND ${cs.cardId} = ${cardId}`,
    z.object({ due: int, stability: z.number(), difficulty: z.number(), reps: int, lapses: int, state: int, lastReview: int.nullable() }),
  );
  expect({ cardId, ...row, stability: row?.stability.toFixed(9), difficulty: row?.difficulty.toFixed(9) }).toEqual({
    cardId,
    due: replayed?.due.getTime(),
    stability: replayed?.stability.toFixed(9),
    difficulty: replayed?.difficulty.toFixed(9),
    reps: replayed?.reps,
    lapses: replayed?.lapses,
    state: replayed?.state,
    lastReview: replayed?.lastReview?.getTime(),
  });
}

describe('duplicates and races', () => {
  let cards: number[];
  beforeAll(async () => {
    await loadRealDeck();
    cards = await cardIds();
  });

  it('records a grade sent five times at once (as five requests) once', async () => {
    const user = await makeUser();
    const entry = { clientId: 'five-at-once', cardId: cards[0], grade: 3, reviewedAt: NOW.getTime(), durationMs: 900 };
    const results = await Promise.all(Array.from({ length: 5 }, () => applyGradeBatch(user.id, [entry], NOW)));
    expect(results.map((r) => r[0]?.status).sort()).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate', 'recorded']);
    expect(await countOf(sql`SELECT count(*) AS "n" FROM ${l} WHERE ${l.userId} = ${user.id}`)).toBe(1);
    await expectStateIsReplay(user.id, cards[0] as number);
  });

  it('records the same grade from two tabs in separate commits once', async () => {
    const user = await makeUser();
    const entry = { clientId: 'two-tabs-same', cardId: cards[1], grade: 4, reviewedAt: NOW.getTime(), durationMs: 900 };
    const first = applyGradeBatch(user.id, [entry], NOW);
    await new Promise((r) => setImmediate(r));
    const second = applyGradeBatch(user.id, [entry, entry], NOW);
    const statuses = [(await first)[0]?.status, ...(await second).map((r) => r.status)];
    // One is recorded and the others are duplicates. On SQLite the batch sent first commits first (one
    // connection, commits in turn); on PostgreSQL the two are transactions at once and either may win.
    expect([...statuses].sort()).toEqual(['duplicate', 'duplicate', 'recorded']);
    if ((await engine()).kind === 'sqlite') expect(statuses).toEqual(['recorded', 'duplicate', 'duplicate']);
    expect(await countOf(sql`SELECT count(*) AS "n" FROM ${l} WHERE ${l.userId} = ${user.id}`)).toBe(1);
  });

  it('two processes grading the same cards at once leave each grade once and every state equal to a replay', async () => {
    const user = await makeUser();
    const used = cards.slice(10, 15);
    const writer = (name: string) =>
      run('npx', ['tsx', '--conditions', 'react-server', 'tests/support/race-writer.mts', databasePath(), name, String(user.id), used.join(','), '150'], {
        env: { ...process.env },
        timeout: 60_000,
      }).then((r) => JSON.parse(r.stdout) as { recorded: number; duplicate: number; rejected: number; errors: string[] });
    const [a, b] = await Promise.all([writer('a'), writer('b')]);
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    // 150 grades each, 50 of them shared: 250 distinct grades, each recorded by exactly one writer.
    expect(a.recorded + b.recorded).toBe(250);
    expect(a.duplicate + b.duplicate).toBe(50);
    const rows = await (await engine()).all(
      sql`SELECT ${l.clientId} AS "clientId", count(*) AS "n" FROM ${l} WHERE ${l.userId} = ${user.id} GROUP BY ${l.clientId}`,
      z.object({ clientId: z.string(), n: int }),
    );
    expect(rows).toHaveLength(250);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    for (const cardId of used) await expectStateIsReplay(user.id, cardId);
  }, 120_000);
});
