/**
 * The optimiser on simulated learners whose memory follows known weights (the real fsrs-rs, no
 * stand-in). With plenty of history the fit must predict unseen reviews better than the defaults;
 * with little, whatever the fit gives, the check must adopt it only when it predicts the recent
 * reviews better, and keep the parameters in use otherwise.
 */
import { describe, expect, it } from 'vitest';
import { checkedFit, trainingItems, type Optimiser } from '@/lib/scheduler/fit';
import { fsrsOptimiser } from '@/lib/scheduler/fit/optimiser';
import { LEARNER_WEIGHTS, simulateLearner, utcDay } from '../../support/simulated-learner';

const optimiser = fsrsOptimiser({ timeoutMs: 20 });

describe('fitting on a simulated learner', () => {
  it('with plenty of history, adopts parameters that predict unseen reviews better than the defaults', async () => {
    const history = trainingItems(simulateLearner({ cards: 400, days: 300, seed: 1 }), utcDay);
    expect(history.length).toBeGreaterThan(2_000);
    const verdict = await checkedFit(history, null, optimiser);
    expect(verdict.adopted).toBe(true);
    expect(verdict.after!.logLoss).toBeLessThan(verdict.before!.logLoss);
    // Another stretch of the same learner, never seen by the fit.
    const unseen = trainingItems(simulateLearner({ cards: 300, days: 300, seed: 2 }), utcDay);
    const fitted = await optimiser.evaluate(verdict.weights, unseen);
    const defaults = await optimiser.evaluate(null, unseen);
    expect(fitted.logLoss).toBeLessThan(defaults.logLoss);
    expect(fitted.rmse).toBeLessThan(defaults.rmse);
    // And it moved towards the learner's truth where the defaults are far off (initial stability after Good).
    expect(Math.abs(verdict.weights![2]! - LEARNER_WEIGHTS[2]!)).toBeLessThan(Math.abs(3.2602 - LEARNER_WEIGHTS[2]!));
  }, 60_000);

  it('with little history, adopts a fit only when it beats the parameters in use on the latest reviews', async () => {
    const outcomes: boolean[] = [];
    for (const seed of [11, 12, 13, 14, 15, 16]) {
      const history = trainingItems(simulateLearner({ cards: 25, days: 120, seed }), utcDay);
      const verdict = await checkedFit(history, null, optimiser);
      outcomes.push(verdict.adopted);
      if (verdict.adopted) expect(verdict.after!.logLoss).toBeLessThan(verdict.before!.logLoss);
      else expect(verdict.weights).toBeNull();
      expect(verdict.reason).toBe(verdict.adopted ? 'better' : 'not_better');
    }
    expect(outcomes).toHaveLength(6);
  }, 60_000);

  it('keeps the parameters in use when the fit is bad, however much history there is', async () => {
    // The real optimiser, with its result spoiled (no stability growth on success, steepest forgetting): only the held-out check stands between it and the student.
    const spoiled: Optimiser = { ...optimiser, fit: async (items) => (await optimiser.fit(items)).map((w, i) => (i === 8 ? 0.01 : i === 20 ? 0.8 : w)) };
    const history = trainingItems(simulateLearner({ cards: 200, days: 200, seed: 3 }), utcDay);
    const verdict = await checkedFit(history, null, spoiled);
    expect(verdict).toMatchObject({ adopted: false, reason: 'not_better', weights: null });
    expect(verdict.after!.logLoss).toBeGreaterThan(verdict.before!.logLoss);
  }, 60_000);
});
