/**
 * Duplicates and races beyond tests/integration/reviews.test.ts: the same grade sent five times at
 * once through the route's path (group commit), and two processes writing the same file at once.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { databasePath } from '@/db/connection';
import { inGroupCommit } from '@/db/group-commit';
import { applyGradeBatch } from '@/db/queries/review-batch';
import { studySettingsFor } from '@/db/queries/settings';
import { replayLog, type Grade } from '@/lib/scheduler';
import { cardIds, loadRealDeck, makeUser } from '../support/fixtures';

const run = promisify(execFile);
const NOW = new Date('2026-03-02T09:00:00Z');

function logOf(userId: number, cardId: number) {
  return (db.$client.prepare('SELECT rating, reviewed_at AS at FROM review_logs WHERE user_id = ? AND card_id = ? AND undone_at IS NULL').all(userId, cardId) as { rating: Grade; at: number }[]).map((r) => ({
    grade: r.rating,
    reviewedAt: new Date(r.at),
  }));
}

function expectStateIsReplay(userId: number, cardId: number) {
  const replayed = replayLog(logOf(userId, cardId), studySettingsFor(userId).scheduler);
  const row = db.$client.prepare('SELECT due, stability, difficulty, reps, lapses, state, last_review AS lastReview FROM card_states WHERE user_id = ? AND card_id = ?').get(userId, cardId) as Record<string, number>;
  expect({ cardId, ...row, stability: row.stability?.toFixed(9), difficulty: row.difficulty?.toFixed(9) }).toEqual({
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
    const results = await Promise.all(Array.from({ length: 5 }, () => inGroupCommit(() => applyGradeBatch(user.id, [entry], NOW))));
    expect(results.map((r) => r[0]?.status).sort()).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate', 'recorded']);
    expect(db.$client.prepare('SELECT count(*) AS n FROM review_logs WHERE user_id = ?').get(user.id)).toEqual({ n: 1 });
    expectStateIsReplay(user.id, cards[0] as number);
  });

  it('records the same grade from two tabs in separate commits once', async () => {
    const user = await makeUser();
    const entry = { clientId: 'two-tabs-same', cardId: cards[1], grade: 4, reviewedAt: NOW.getTime(), durationMs: 900 };
    const first = inGroupCommit(() => applyGradeBatch(user.id, [entry], NOW));
    await new Promise((r) => setImmediate(r));
    const second = inGroupCommit(() => applyGradeBatch(user.id, [entry, entry], NOW));
    expect([(await first)[0]?.status, ...(await second).map((r) => r.status)]).toEqual(['recorded', 'duplicate', 'duplicate']);
    expect(db.$client.prepare('SELECT count(*) AS n FROM review_logs WHERE user_id = ?').get(user.id)).toEqual({ n: 1 });
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
    const rows = db.$client.prepare('SELECT client_id AS clientId, count(*) AS n FROM review_logs WHERE user_id = ? GROUP BY client_id').all(user.id) as { n: number }[];
    expect(rows).toHaveLength(250);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    for (const cardId of used) expectStateIsReplay(user.id, cardId);
  }, 120_000);
});
