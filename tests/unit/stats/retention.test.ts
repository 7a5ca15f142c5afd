import { describe, it, expect } from 'vitest';
import { trueRetention } from '@/lib/stats/retention';
import type { StatsReviewLog } from '@/lib/stats/types';

const log = (iso: string, grade: 1 | 2 | 3 | 4, stateBefore: 0 | 1 | 2 | 3, source: 'review' | 'quiz' = 'review'): StatsReviewLog => ({
  cardId: 1,
  reviewedAt: new Date(iso),
  grade,
  stateBefore,
  durationMs: 5000,
  source,
});

const from = new Date('2024-03-01T00:00:00Z');
const to = new Date('2024-04-01T00:00:00Z');

describe('trueRetention', () => {
  it('counts only reviews of cards in Review state; pass = grade > 1', () => {
    const logs = [
      log('2024-03-02T10:00:00Z', 3, 2),
      log('2024-03-03T10:00:00Z', 2, 2), // Hard is a pass
      log('2024-03-04T10:00:00Z', 4, 2),
      log('2024-03-05T10:00:00Z', 1, 2),
      log('2024-03-05T10:01:00Z', 1, 3), // relearning step: ignored
      log('2024-03-06T10:00:00Z', 1, 0), // new card: ignored
      log('2024-03-06T10:01:00Z', 3, 1), // learning step: ignored
    ];
    expect(trueRetention(logs, from, to)).toEqual({ passed: 3, failed: 1, total: 4, rate: 0.75 });
  });

  it('window is [from, to)', () => {
    const logs = [log('2024-03-01T00:00:00Z', 3, 2), log('2024-04-01T00:00:00Z', 1, 2), log('2024-02-29T23:59:59Z', 1, 2)];
    expect(trueRetention(logs, from, to)).toEqual({ passed: 1, failed: 0, total: 1, rate: 1 });
  });

  it('rate is null without qualifying reviews', () => {
    expect(trueRetention([log('2024-03-02T10:00:00Z', 3, 1)], from, to)).toEqual({ passed: 0, failed: 0, total: 0, rate: null });
  });

  it('can be restricted to one source', () => {
    const logs = [log('2024-03-02T10:00:00Z', 3, 2, 'quiz'), log('2024-03-02T11:00:00Z', 1, 2, 'review')];
    expect(trueRetention(logs, from, to).total).toBe(2);
    expect(trueRetention(logs, from, to, ['review'])).toEqual({ passed: 0, failed: 1, total: 1, rate: 0 });
  });
});
