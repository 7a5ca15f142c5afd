/**
 * The FSRS optimiser (fsrs-rs through @open-spaced-repetition/binding, a native module: server
 * and scripts only). `fit` runs off the event loop (an async native task); `evaluate` is
 * synchronous and fast (a forward pass over the items), so held-out checks cost little.
 */
import { computeParameters, FSRSBinding, FSRSBindingItem, FSRSBindingReview } from '@open-spaced-repetition/binding';
import type { TrainingItem } from './training-items';

export interface FitMetrics {
  /** Mean log loss of the predicted recall against what happened (lower is better). */
  logLoss: number;
  /** RMSE over recall bins, as srs-benchmark and Anki report it (lower is better). */
  rmse: number;
}

export interface Optimiser {
  fit(items: readonly TrainingItem[], onProgress?: (done: number, total: number) => void): Promise<number[]>;
  /** How well `weights` (null: the FSRS defaults) predict the items. */
  evaluate(weights: readonly number[] | null, items: readonly TrainingItem[]): FitMetrics;
}

function toBinding(items: readonly TrainingItem[]): FSRSBindingItem[] {
  return items.map((item) => new FSRSBindingItem(item.steps.map((s) => new FSRSBindingReview(s.rating, s.deltaT))));
}

/**
 * The fsrs-rs optimiser. Short-term (same-day) reviews are modelled, as our scheduler uses
 * learning steps. `timeoutMs` is how often the binding polls for progress: each fit lasts at
 * least that long (the poller is joined), so keep it short.
 */
export function fsrsOptimiser(options: { relearningSteps?: number; timeoutMs?: number } = {}): Optimiser {
  return {
    async fit(items, onProgress) {
      return computeParameters(toBinding(items), {
        enableShortTerm: true,
        numRelearningSteps: options.relearningSteps ?? 1,
        timeout: options.timeoutMs ?? 100,
        ...(onProgress ? { progress: (done: number, total: number) => void onProgress(done, total) } : {}),
      });
    },
    evaluate(weights, items) {
      const result = new FSRSBinding(weights ? [...weights] : undefined).evaluate(toBinding(items));
      return { logLoss: result.logLoss, rmse: result.rmseBins };
    },
  };
}
