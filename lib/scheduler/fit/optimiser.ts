/**
 * The FSRS optimiser: fsrs-rs through @open-spaced-repetition/binding (a native module: server and
 * scripts only), run in a worker thread. On the main thread, turning 60k items into native objects
 * and evaluating them held the event loop for up to ~1.7 s (measured by scripts/bench/fsrs.mts),
 * which every grade arriving meanwhile would wait out. The items cross to the worker as two
 * transferred typed arrays, so the main thread only flattens numbers.
 */
import { Worker } from 'node:worker_threads';
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

// Plain CommonJS evaluated in the worker: no bundler sees it, and the binding is required from the
// app's own node_modules (the server and the scripts run from the project folder).
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createRequire } = require('node:module');
const b = createRequire(process.cwd() + '/')('@open-spaced-repetition/binding');
parentPort.on('message', async (m) => {
  try {
    const items = [];
    for (let i = 0; i + 1 < m.offsets.length; i++) {
      const reviews = [];
      for (let j = m.offsets[i]; j < m.offsets[i + 1]; j++) reviews.push(new b.FSRSBindingReview(m.steps[2 * j], m.steps[2 * j + 1]));
      items.push(new b.FSRSBindingItem(reviews));
    }
    if (m.kind === 'fit') {
      const weights = await b.computeParameters(items, {
        ...m.options,
        progress: (done, total) => { parentPort.postMessage({ progress: [done, total] }); },
      });
      parentPort.postMessage({ ok: true, weights: Array.from(weights) });
    } else {
      const r = new b.FSRSBinding(m.weights || undefined).evaluate(items);
      parentPort.postMessage({ ok: true, metrics: { logLoss: r.logLoss, rmse: r.rmseBins } });
    }
  } catch (error) {
    parentPort.postMessage({ ok: false, error: String((error && error.message) || error) });
  }
});`;

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

type Done = { ok: true; weights?: number[]; metrics?: FitMetrics };
type Reply = { progress: [number, number] } | Done | { ok: false; error: string };

/** One task in a fresh worker, which ends with it (a fit is rare; a long-lived worker would hold ~30 MB). */
function runInWorker(message: Record<string, unknown>, onProgress?: (done: number, total: number) => void): Promise<Done> {
  const { steps, offsets } = flatten(message.items as TrainingItem[]);
  const worker = new Worker(WORKER_SOURCE, { eval: true });
  return new Promise((resolve, reject) => {
    worker.on('message', (reply: Reply) => {
      if ('progress' in reply) return onProgress?.(reply.progress[0], reply.progress[1]);
      void worker.terminate();
      if (reply.ok) resolve(reply);
      else reject(new Error(`FSRS optimiser: ${reply.error}`));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`FSRS optimiser worker exited with ${code}`));
    });
    const { items: _items, ...rest } = message;
    worker.postMessage({ ...rest, steps, offsets }, [steps.buffer as ArrayBuffer, offsets.buffer as ArrayBuffer]);
  });
}

/**
 * The fsrs-rs optimiser. Short-term (same-day) reviews are modelled, as our scheduler uses
 * learning steps. `timeoutMs` is how often the binding polls for progress: each fit lasts at
 * least that long (the poller is joined), so keep it short.
 */
export function fsrsOptimiser(options: { relearningSteps?: number; timeoutMs?: number } = {}): Optimiser {
  return {
    async fit(items, onProgress) {
      const reply = await runInWorker(
        { kind: 'fit', items, options: { enableShortTerm: true, numRelearningSteps: options.relearningSteps ?? 1, timeout: options.timeoutMs ?? 100 } },
        onProgress,
      );
      return reply.weights ?? [];
    },
    async evaluate(weights, items) {
      const reply = await runInWorker({ kind: 'evaluate', items, weights: weights ? [...weights] : null });
      if (!reply.metrics) throw new Error('FSRS optimiser: no metrics');
      return reply.metrics;
    },
  };
}
