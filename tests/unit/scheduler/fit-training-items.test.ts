import { describe, expect, it } from 'vitest';
import { timeOrderedSplit, trainingItems, type FitReview, type TrainingItem } from '@/lib/scheduler/fit';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 2, 10);
const day = (ms: number) => Math.floor(ms / DAY);
const r = (cardId: number, dayOffset: number, rating: 1 | 2 | 3 | 4, minutes = 0): FitReview => ({
  cardId,
  reviewedAt: T0 + dayOffset * DAY + minutes * 60_000,
  rating,
});

describe('trainingItems', () => {
  const cases: { name: string; log: FitReview[]; want: { steps: [number, number][]; at: number }[] }[] = [
    { name: 'a single first review makes no item', log: [r(1, 0, 3)], want: [] },
    {
      name: 'each later-day review is an item holding the history before it',
      log: [r(1, 0, 3), r(1, 2, 3), r(1, 7, 1)],
      want: [
        { steps: [[3, 0], [3, 2]], at: T0 + 2 * DAY },
        { steps: [[3, 0], [3, 2], [1, 5]], at: T0 + 7 * DAY },
      ],
    },
    {
      name: 'a same-day repeat stays in the history with deltaT 0 but makes no item',
      log: [r(1, 0, 1), r(1, 0, 3, 10), r(1, 1, 3)],
      want: [{ steps: [[1, 0], [3, 0], [3, 1]], at: T0 + DAY }],
    },
    {
      name: 'cards are kept apart, the log need not be sorted, items come out in time order',
      log: [r(2, 3, 3), r(1, 4, 2), r(2, 0, 3), r(1, 1, 4)],
      want: [
        { steps: [[3, 0], [3, 3]], at: T0 + 3 * DAY },
        { steps: [[4, 0], [2, 3]], at: T0 + 4 * DAY },
      ],
    },
  ];
  it.each(cases)('$name', ({ log, want }) => {
    const got = trainingItems(log, day).map((i) => ({ steps: i.steps.map((s) => [s.rating, s.deltaT]), at: i.at }));
    expect(got).toEqual(want);
  });

  it('counts study days with the given numbering, not 24-hour spans', () => {
    // 23:00 then 01:00 the next calendar day: one day apart on a midnight numbering, the same day on a 4 am rollover.
    const late = Date.UTC(2026, 2, 2, 23);
    const early = Date.UTC(2026, 2, 3, 1);
    const log: FitReview[] = [
      { cardId: 1, reviewedAt: late, rating: 3 },
      { cardId: 1, reviewedAt: early, rating: 3 },
    ];
    expect(trainingItems(log, day)).toHaveLength(1);
    expect(trainingItems(log, (ms) => Math.floor((ms - 4 * 3_600_000) / DAY))).toHaveLength(0);
  });
});

describe('timeOrderedSplit', () => {
  const items: TrainingItem[] = Array.from({ length: 100 }, (_, i) => ({ steps: [{ rating: 3, deltaT: 0 }], at: 1000 - i }));
  it('holds out the most recent share, whatever the input order', () => {
    const { train, test } = timeOrderedSplit(items, 0.2, 16);
    expect(test).toHaveLength(20);
    expect(train).toHaveLength(80);
    expect(Math.min(...test.map((i) => i.at))).toBeGreaterThan(Math.max(...train.map((i) => i.at)));
  });
  it('caps the check at maxTest of the most recent items', () => {
    const { train, test } = timeOrderedSplit(items, 0.5, 16, 10);
    expect(test.map((i) => i.at)).toEqual([991, 992, 993, 994, 995, 996, 997, 998, 999, 1000]);
    expect(train).toHaveLength(90);
  });
  it('keeps at least minTest items for the check', () => {
    expect(timeOrderedSplit(items.slice(0, 40), 0.2, 16).test).toHaveLength(16);
  });
});
