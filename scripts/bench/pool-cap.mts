/**
 * Does a pool need 60k items? For the largest pools of the benchmark database, fits on samples
 * capped at several sizes (whole students, as historyOfPool samples) and evaluates every fit on
 * the same held-out items: the full pool's latest 2,000. Prints log loss / RMSE, fit time and RSS.
 *   npx tsx --conditions=react-server scripts/bench/pool-cap.mts [--db data/bench.db] [--caps 5000,10000,20000,60000] [--pools 3]
 * Read-only on the database.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_BENCH_DB } from './fixtures';

const { values } = parseArgs({ options: { db: { type: 'string' }, caps: { type: 'string' }, pools: { type: 'string' } } });
process.env.DATABASE_PATH = path.resolve(values.db ?? DEFAULT_BENCH_DB);
const caps = (values.caps ?? '5000,10000,20000,30000,60000').split(',').map(Number);

const { historyOfPool } = await import('../../db/queries/fsrs-history');
const { poolScopes } = await import('../../db/queries/fsrs-refit');
const { timeOrderedSplit } = await import('../../lib/scheduler/fit');
const { fsrsOptimiser } = await import('../../lib/scheduler/fit/optimiser');

const optimiser = fsrsOptimiser();
const scopes = await poolScopes();
const chosen = [scopes.find((s) => s.kind === 'deck'), scopes.find((s) => s.kind === 'class'), scopes.filter((s) => s.kind === 'deck')[2]]
  .filter((s) => s !== undefined)
  .slice(0, Number(values.pools ?? 3));
for (const scope of chosen) {
  const label = scope.kind === 'deck' ? `deck ${scope.deckId}` : `class ${scope.classId}`;
  const full = await historyOfPool(scope, Number.MAX_SAFE_INTEGER);
  const { test } = timeOrderedSplit(full.items);
  const cutoff = test[0]?.at ?? Infinity;
  const defaults = await optimiser.evaluate(null, test);
  console.log(`${label}: ${full.items.length} items in all; held out ${test.length}; defaults log loss ${defaults.logLoss.toFixed(4)} RMSE ${defaults.rmse.toFixed(4)}`);
  for (const cap of caps) {
    const sample = (await historyOfPool(scope, cap)).items.filter((i) => i.at < cutoff);
    const t = performance.now();
    const weights = await optimiser.fit(sample);
    const ms = performance.now() - t;
    const m = await optimiser.evaluate(weights, test);
    console.log(`  cap ${String(cap).padStart(6)}: trained on ${String(sample.length).padStart(6)} items in ${(ms / 1000).toFixed(1)} s → log loss ${m.logLoss.toFixed(4)} RMSE ${m.rmse.toFixed(4)}; RSS ${Math.round(process.memoryUsage.rss() / 2 ** 20)} MB`);
  }
}
