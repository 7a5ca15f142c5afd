import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { applyGradeBatch } from '@/db/queries/review-batch';
import { cardIds, loadRealDeck, makeUser } from '../support/fixtures';

const NOW = new Date('2026-03-02T09:00:00Z');

describe('the grade batch endpoint logic', () => {
  let cards: number[];
  beforeAll(() => {
    loadRealDeck();
    cards = cardIds();
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
    const results = applyGradeBatch(user.id, entries, NOW);
    expect(results.map((r) => r.status)).toEqual(['recorded', 'recorded', 'rejected', 'rejected', 'rejected', 'rejected', 'rejected']);
    const logs = db.$client.prepare('SELECT client_id AS clientId, state_before AS stateBefore FROM review_logs WHERE user_id = ? ORDER BY id').all(user.id);
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
    expect(applyGradeBatch(user.id, [entry], NOW)[0]?.status).toBe('recorded');
    expect(applyGradeBatch(user.id, [entry, entry], NOW).map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(db.$client.prepare('SELECT count(*) AS n FROM review_logs WHERE user_id = ?').get(user.id)).toEqual({ n: 1 });
  });
});
