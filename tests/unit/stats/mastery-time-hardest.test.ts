import { describe, it, expect } from 'vitest';
import { masteryCounts } from '@/lib/stats/mastery';
import { ANSWER_TIME_CAP_MS, cappedDuration, studyTimeMs } from '@/lib/stats/study-time';
import { hardestCards } from '@/lib/stats/hardest';
import { scheduleReview } from '@/lib/scheduler/scheduler';
import type { SchedulerSettings } from '@/lib/scheduler/types';

const settings: SchedulerSettings = { desiredRetention: 0.9, maximumInterval: 36500, enableFuzz: false };
const t0 = new Date('2024-03-01T10:00:00Z');
const DAY = 86_400_000;

describe('masteryCounts', () => {
  const review = scheduleReview(null, 4, t0, settings).next; // Review, S ≈ 8.3 d
  const learning = scheduleReview(null, 3, t0, settings).next; // Learning step
  const relearning = scheduleReview(review, 1, review.due, settings).next;

  it('partitions cards into new / learning / mastered / suspended', () => {
    const now = new Date(t0.getTime() + DAY); // R of the review card ≈ 0.99
    const cards = [
      { state: null, suspended: false },
      { state: { ...learning, state: 0 as const }, suspended: false },
      { state: learning, suspended: false },
      { state: relearning, suspended: false },
      { state: review, suspended: false },
      { state: review, suspended: true },
    ];
    expect(masteryCounts(cards, now, settings)).toEqual({ new: 2, learning: 2, mastered: 1, suspended: 1, total: 6 });
  });

  it('a review card whose retrievability dropped below the threshold counts as learning', () => {
    const later = new Date(t0.getTime() + 30 * DAY);
    expect(masteryCounts([{ state: review, suspended: false }], later, settings)).toMatchObject({ mastered: 0, learning: 1 });
    // …unless the threshold is lowered
    expect(masteryCounts([{ state: review, suspended: false }], later, settings, 0.5)).toMatchObject({ mastered: 1 });
  });
});

describe('study time', () => {
  it('caps each answer at 60 s and ignores invalid durations', () => {
    expect(ANSWER_TIME_CAP_MS).toBe(60_000);
    expect(cappedDuration(12_000)).toBe(12_000);
    expect(cappedDuration(600_000)).toBe(60_000);
    expect(cappedDuration(-5)).toBe(0);
    expect(cappedDuration(Number.NaN)).toBe(0);
  });

  it('sums capped durations inside [from, to)', () => {
    const from = new Date('2024-03-01T04:00:00Z');
    const to = new Date('2024-03-02T04:00:00Z');
    const logs = [
      { reviewedAt: new Date('2024-03-01T04:00:00Z'), durationMs: 10_000 },
      { reviewedAt: new Date('2024-03-01T12:00:00Z'), durationMs: 300_000 },
      { reviewedAt: new Date('2024-03-02T04:00:00Z'), durationMs: 10_000 }, // next day
    ];
    expect(studyTimeMs(logs, from, to)).toBe(70_000);
  });
});

describe('hardestCards', () => {
  it('sorts by lapses, then again rate, then difficulty; returns top n with againRate', () => {
    const rows = [
      { cardId: 1, lapses: 2, difficulty: 9, reviews: 10, againCount: 2 },
      { cardId: 2, lapses: 5, difficulty: 3, reviews: 20, againCount: 5 },
      { cardId: 3, lapses: 2, difficulty: 5, reviews: 4, againCount: 2 },
      { cardId: 4, lapses: 2, difficulty: 8, reviews: 4, againCount: 2 },
      { cardId: 5, lapses: 0, difficulty: 10, reviews: 0, againCount: 0 },
    ];
    const top = hardestCards(rows, 4);
    expect(top.map((r) => r.cardId)).toEqual([2, 4, 3, 1]);
    expect(top[0]?.againRate).toBe(0.25);
    expect(hardestCards(rows, 0)).toEqual([]);
    expect(hardestCards(rows, 10)).toHaveLength(5);
  });
});
