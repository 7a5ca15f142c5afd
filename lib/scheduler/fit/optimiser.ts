/**
 * The FSRS optimiser: fsrs-rs through @open-spaced-repetition/binding (a native module: server and
 * scripts only), run in a child process (./task-process.ts says why not a worker thread). On the
 * main thread, turning 60k items into native objects and evaluating them held the event loop for up
 * to ~1.7 s (measured by scripts/bench/fsrs.mts), which every grade arriving meanwhile would wait
 * out. The items cross as two typed arrays, so the main thread only flattens numbers.
 */
import { TaskProcess } from './task-process';
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
  evaluate(weights: readonly number[] | null, items: readonly TrainingItem[]): Promise<FitMetrics>;
}

// Plain CommonJS run by the child process (node -e): no bundler sees it, and the binding is
// required from the app's own node_modules (the server and the scripts run from the project folder).
// Review objects are interned per (rating, deltaT): the binding copies a review's two numbers into
// the item, so one object serves every item that has it. A native object per review (850k for a
// 60k-item pool) cost ~340 bytes each outside the JS heap, ~140 MB for a pool, and glibc kept
// most of it after the fit; with interning there are a few thousand (scripts/bench/refit-memory.mts).
export const optimiserProcessSource = `
const { createRequire } = require('node:module');
const b = createRequire(process.cwd() + '/')('@open-spaced-repetition/binding');
const reviews = new Map();
function review(rating, deltaT) {
  const key = deltaT * 8 + rating;
  let r = reviews.get(key);
  if (!r) {
    if (reviews.size > 50000) reviews.clear();
    r = new b.FSRSBindingReview(rating, deltaT);
    reviews.set(key, r);
  }
  return r;
}
process.on('disconnect', () => process.exit(0));
process.on('message', async (m) => {
  try {
    const items = [];
    for (let i = 0; i + 1 < m.offsets.length; i++) {
      const steps = [];
      for (let j = m.offsets[i]; j < m.offsets[i + 1]; j++) steps.push(review(m.steps[2 * j], m.steps[2 * j + 1]));
      items.push(new b.FSRSBindingItem(steps));
    }
    if (m.kind === 'fit') {
      const weights = await b.computeParameters(items, {
        ...m.options,
        progress: (done, total) => { process.send({ id: m.id, progress: [done, total] }); },
      });
      process.send({ id: m.id, ok: true, value: Array.from(weights) });
    } else {
      const r = new b.FSRSBinding(m.weights || undefined).evaluate(items);
      process.send({ id: m.id, ok: true, value: { logLoss: r.logLoss, rmse: r.rmseBins } });
    }
  } catch (error) {
    process.send({ id: m.id, ok: false, error: String((error && error.message) || error) });
  }
});`;

/**
 * The one optimiser process of this server, shared by every fit (see ./task-process.ts). It ends
 * 5 s after its last task: the binding's native memory grows with every fit in one process (same
 * 31k items fitted four times: 82 → 107 → 124 → 135 MB, whatever the heap cap), so a refit of
 * many pools gets a fresh process per pool (a checked fit's tasks follow each other at once, and
 * building the next pool's history takes longer than 5 s), which costs ~0.1 s to start.
 */
export const optimiserProcess = new TaskProcess(optimiserProcessSource, { idleMs: 5_000, heapMb: 64, nice: 19 });

/** Items as [rating, deltaT] pairs in one Int32Array, with each item's start in `offsets`. */
function flatten(items: readonly TrainingItem[]): { steps: Int32Array; offsets: Int32Array } {
  let total = 0;
  for (const item of items) total += item.steps.length;
  const steps = new Int32Array(total * 2);
  const offsets = new Int32Array(items.length + 1);
  let k = 0;
  items.forEach((item, i) => {
    offsets[i] = k;
    for (const s of item.steps) {
      steps[2 * k] = s.rating;
      steps[2 * k + 1] = s.deltaT;
      k++;
    }
  });
  offsets[items.length] = k;
  return { steps, offsets };
}

async function runTask<T>(host: TaskProcess, message: Record<string, unknown>, items: readonly TrainingItem[], onProgress?: (done: number, total: number) => void): Promise<T> {
  const { steps, offsets } = flatten(items);
  try {
    return await host.run<T>({ ...message, steps, offsets }, onProgress);
  } catch (error) {
    throw new Error(`FSRS optimiser: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * The fsrs-rs optimiser. Short-term (same-day) reviews are modelled, as our scheduler uses
 * learning steps. `timeoutMs` is how often the binding polls for progress: each fit lasts at
 * least that long (the poller is joined), so keep it short.
 */
export function fsrsOptimiser(options: { relearningSteps?: number; timeoutMs?: number; process?: TaskProcess } = {}): Optimiser {
  const host = options.process ?? optimiserProcess;
  return {
    fit(items, onProgress) {
      const fitOptions = { enableShortTerm: true, numRelearningSteps: options.relearningSteps ?? 1, timeout: options.timeoutMs ?? 100 };
      return runTask<number[]>(host, { kind: 'fit', options: fitOptions }, items, onProgress);
    },
    evaluate(weights, items) {
      return runTask<FitMetrics>(host, { kind: 'evaluate', weights: weights ? [...weights] : null }, items);
    },
  };
}
