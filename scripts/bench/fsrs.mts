/**
 * FSRS fitting costs in-process, on simulated learners of ~1k, ~10k and ~100k reviews: building
 * the training items (JavaScript, on the event loop), the checked fit (fsrs-rs off the loop, the
 * held-out evaluation on it), and the longest the event loop was held up meanwhile (what a grade
 * arriving during a fit would wait). Prints markdown rows for the benchmark table.
 * Run: npx tsx --conditions=react-server scripts/bench/fsrs.mts
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { checkedFit, trainingItems } from '../../lib/scheduler/fit';
import { fsrsOptimiser } from '../../lib/scheduler/fit/optimiser';
import { simulateLearner, utcDay } from '../../tests/support/simulated-learner';

const optimiser = fsrsOptimiser({ timeoutMs: 100 });
const sizes = [
  { label: '~1k', cards: 60, days: 365 },
  { label: '~10k', cards: 600, days: 365 },
  { label: '~100k', cards: 6000, days: 365 },
];
const rows: string[] = [];
for (const s of sizes) {
  const reviews = simulateLearner({ cards: s.cards, days: s.days, seed: 5 });
  let t = performance.now();
  const items = trainingItems(reviews, utcDay);
  const buildMs = performance.now() - t;
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  t = performance.now();
  const verdict = await checkedFit(items, null, optimiser);
  const checkedMs = performance.now() - t;
  delay.disable();
  rows.push(
    `| FSRS fit, ${reviews.length.toLocaleString('en')} reviews (${items.length.toLocaleString('en')} items) | items ${buildMs.toFixed(0)} ms; checked fit ${(checkedMs / 1000).toFixed(1)} s (${verdict.adopted ? 'adopted: two fits' : 'kept: one fit'}); longest event-loop stall during it ${(delay.max / 1e6).toFixed(0)} ms | | | | |`,
  );
}
console.log(rows.join('\n'));
