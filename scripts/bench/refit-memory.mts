/**
 * Where a full refit's memory goes: runs, in this process, what the server's periodic refit runs
 * (every pool, then the heavy student's own fit) on a fresh copy of the benchmark database, and
 * samples RSS (this process and its children: the optimiser's process) every 50 ms, reporting the peak of each
 * step of each pool: building the history, each optimiser call, the card replays after it.
 * Run as the server runs (heap cap):
 *   node --max-old-space-size=256 node_modules/tsx/dist/cli.mjs --conditions=react-server scripts/bench/refit-memory.mts [--pools N]
 */
import Database from 'better-sqlite3';
import { copyFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_BENCH_DB, HEAVY_EMAIL } from './fixtures';
import { treeRssBytes } from './rss';

const { values } = parseArgs({ options: { pools: { type: 'string' }, db: { type: 'string' } } });
const seeded = path.resolve(values.db ?? DEFAULT_BENCH_DB);
const file = seeded.replace(/(\.db)?$/, '-refit-memory.db');
{
  const src = new Database(seeded);
  src.pragma('wal_checkpoint(TRUNCATE)');
  src.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  copyFileSync(seeded, file);
}
process.env.DATABASE_PATH = file;

const { db } = await import('../../db/index');
const { fitPoolParameters, fitUserParameters, reassignPooledStudents } = await import('../../db/queries/fsrs-parameters');
const { poolScopes } = await import('../../db/queries/fsrs-refit');
const { fsrsOptimiser } = await import('../../lib/scheduler/fit/optimiser');
type Optimiser = import('../../lib/scheduler/fit').Optimiser;

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
let phase = 'start';
let phasePeak = 0;
let overallPeak = 0;
const tick = () => {
  const rss = treeRssBytes(process.pid);
  phasePeak = Math.max(phasePeak, rss);
  overallPeak = Math.max(overallPeak, rss);
};
const timer = setInterval(tick, 50);
let phaseStart = performance.now();
const log: string[] = [];
function endPhase(next: string): void {
  tick();
  const m = process.memoryUsage();
  const line = `${phase.padEnd(44)} ${String(Math.round(performance.now() - phaseStart)).padStart(7)} ms  peak ${String(mb(phasePeak)).padStart(4)} MB  now tree ${mb(treeRssBytes(process.pid))} self ${mb(m.rss)} heap ${mb(m.heapUsed)} ext ${mb(m.external)} ab ${mb(m.arrayBuffers)}`;
  console.log(line);
  log.push(line);
  phase = next;
  phasePeak = 0;
  phaseStart = performance.now();
}

/** The optimiser with each call as its own step, named after the pool. */
function instrumented(label: string, inner: Optimiser): Optimiser {
  return {
    async fit(items, onProgress) {
      endPhase(`${label}: fit ${items.length} items`);
      const out = await inner.fit(items, onProgress);
      endPhase(`${label}: after fit`);
      return out;
    },
    async evaluate(weights, items) {
      endPhase(`${label}: evaluate ${items.length} items`);
      const out = await inner.evaluate(weights, items);
      endPhase(`${label}: after evaluate`);
      return out;
    },
  };
}

const base = fsrsOptimiser();
const scopes = (await poolScopes()).slice(0, values.pools ? Number(values.pools) : undefined);
const started = performance.now();
endPhase('history + first steps');
for (const scope of scopes) {
  const label = scope.kind === 'deck' ? `deck ${scope.deckId}` : `class ${scope.classId}`;
  phase = `${label}: history`;
  const out = await fitPoolParameters(scope, { optimiser: instrumented(label, base), reassign: false });
  endPhase('between pools');
  console.log(`  = ${label}: ${out.verdict.items} items, ${out.verdict.adopted ? 'adopted' : out.verdict.reason}, ${out.switched} students switched, ${out.rebuilt} cards replayed`);
}
// As refitPools does: students move to their best pool once every pool is fitted.
phase = 'reassign and replay';
const moved = await reassignPooledStudents();
endPhase('heavy: history');
console.log(`  = ${moved.switched} students moved, ${moved.rebuilt} cards replayed`);
const heavy = db.$client.prepare('SELECT id FROM users WHERE email = ?').get(HEAVY_EMAIL) as { id: number } | undefined;
if (heavy && !values.pools) {
  const out = await fitUserParameters(heavy.id, { optimiser: instrumented('heavy', base) });
  endPhase('end');
  console.log(`  = heavy: ${out.verdict.items} items, ${out.verdict.adopted ? 'adopted' : out.verdict.reason}, ${out.rebuilt} cards replayed`);
}
clearInterval(timer);
console.log(`\nWhole refit ${((performance.now() - started) / 1000).toFixed(1)} s, peak RSS ${mb(overallPeak)} MB`);
db.$client.close();
for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
