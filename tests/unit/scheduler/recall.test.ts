import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULER_SETTINGS, retrievability, type CardState } from '@/lib/scheduler';
import { recallAt } from '@/lib/scheduler/recall';
import { recallAt as teachRecallAt } from '@/lib/teach/progress';

const DAY = 86_400_000;
const T0 = Date.parse('2026-03-02T09:00:00Z');
const settings = { ...DEFAULT_SCHEDULER_SETTINGS, enableFuzz: false };

describe('one recall curve', () => {
  it.each([
    [10, 0],
    [10, 10],
    [10, 37.5],
    [0.5, 2],
    [400, 1],
  ])('stability %f after %f days: the review screen, analytics and SQL give the same number', (stability, days) => {
    const state: CardState = { due: new Date(T0), stability, difficulty: 5, scheduledDays: 1, learningSteps: 0, reps: 3, lapses: 0, state: 2, lastReview: new Date(T0) };
    const at = T0 + days * DAY;
    expect(recallAt(T0, stability, at, null)).toBe(retrievability(state, new Date(at), settings));
    expect(teachRecallAt).toBe(recallAt);
  });

  it('is 0.9 at the stability (its definition) and 0 without stability', () => {
    expect(recallAt(T0, 10, T0 + 10 * DAY, null)).toBeCloseTo(0.9, 10);
    expect(recallAt(T0, 0, T0 + DAY, null)).toBe(0);
  });
});
