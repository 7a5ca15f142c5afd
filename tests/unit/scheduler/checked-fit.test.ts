import { describe, expect, it } from 'vitest';
import { checkedFit, fitHealth, MIN_FIT_ITEMS, type FitMetrics, type Optimiser, type TrainingItem } from '@/lib/scheduler/fit';

const items = (n: number): TrainingItem[] => Array.from({ length: n }, (_, i) => ({ steps: [{ rating: 3, deltaT: 0 }, { rating: 3, deltaT: 1 }], at: i }));
const CURRENT = [1, 1, 1];

/** An optimiser whose candidate and scores are chosen by the test: the check alone decides. */
function fakeOptimiser(score: (weights: readonly number[] | null, items: readonly TrainingItem[]) => FitMetrics) {
  const fits: number[] = [];
  const optimiser: Optimiser = {
    async fit(train) {
      fits.push(train.length);
      return [2, 2, fits.length];
    },
    evaluate: async (w, items) => score(w, items),
  };
  return { optimiser, fits };
}

describe('checkedFit', () => {
  it('does not fit below the minimum history and keeps the parameters in use', async () => {
    const { optimiser, fits } = fakeOptimiser(() => ({ logLoss: 0, rmse: 0 }));
    const v = await checkedFit(items(MIN_FIT_ITEMS - 1), CURRENT, optimiser);
    expect(v).toMatchObject({ adopted: false, reason: 'too_little_history', weights: CURRENT });
    expect(fits).toEqual([]);
  });

  it('keeps the parameters in use when the candidate predicts the recent reviews worse', async () => {
    const { optimiser } = fakeOptimiser((w) => ({ logLoss: w === CURRENT ? 0.3 : 0.31, rmse: 0.05 }));
    const v = await checkedFit(items(200), CURRENT, optimiser);
    expect(v).toMatchObject({ adopted: false, reason: 'not_better', weights: CURRENT, trainItems: 160, testItems: 40 });
    expect(v.before?.logLoss).toBe(0.3);
    expect(v.after?.logLoss).toBe(0.31);
  });

  it('keeps them on a tie too (a change must earn its place)', async () => {
    const { optimiser } = fakeOptimiser(() => ({ logLoss: 0.3, rmse: 0.05 }));
    expect((await checkedFit(items(200), null, optimiser)).adopted).toBe(false);
  });

  it('evaluates on the most recent items and fits the candidate on the earlier ones', async () => {
    const seen: number[][] = [];
    const { optimiser, fits } = fakeOptimiser((w, test) => {
      seen.push(test.map((i) => i.at));
      return { logLoss: w === CURRENT ? 0.4 : 0.3, rmse: 0.05 };
    });
    const v = await checkedFit(items(100), CURRENT, optimiser);
    expect(seen[0]).toEqual(Array.from({ length: 20 }, (_, i) => 80 + i));
    expect(fits[0]).toBe(80);
    // Adopted: refitted on the whole history, and those are the weights returned.
    expect(v).toMatchObject({ adopted: true, reason: 'better', weights: [2, 2, 2] });
    expect(fits[1]).toBe(100);
  });
});

describe('fitHealth', () => {
  const m = (rmse: number): FitMetrics => ({ logLoss: 0.3, rmse });
  it.each([
    { items: 299, adopted: true, before: m(0.2), after: m(0.2), want: null },
    { items: 300, adopted: true, before: m(0.2), after: m(0.04), want: 'good' },
    { items: 300, adopted: true, before: m(0.04), after: m(0.15), want: 'poor' },
    { items: 500, adopted: false, before: m(0.15), after: m(0.04), want: 'poor' },
    { items: 500, adopted: false, before: null, after: null, want: null },
  ])('$items items, adopted $adopted → $want', ({ want, ...v }) => {
    expect(fitHealth(v)).toBe(want);
  });
});
