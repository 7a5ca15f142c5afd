/**
 * `npm run bench [-- file]`: measures the app on a fresh copy of the benchmark database (seeded first by
 * scripts/bench/seed.mts when the file does not exist, ~2 min). Builds if needed, starts `next start` with the floor route
 * enabled, signs in real users through Auth.js, then measures in one run: grading throughput and
 * latency against the floor at several concurrencies, server render times of the heavy pages,
 * the server's peak RSS and the review page's JavaScript. Prints a markdown table and writes it
 * to docs/benchmarks.md. Knobs: PORT (3305), BENCH_DURATION (s, 10), BENCH_CONNECTIONS (1,16,64),
 * BENCH_PAGE_REQUESTS (50), BENCH_USERS (32), BENCH_REFIT_WINDOWS (12: grading windows during the refit),
 * BENCH_NODE_ARGS (node flags for the server instead of the heap cap npm start uses), BENCH_REFIT=off (skip
 * grading during a refit), BENCH_ENGINES (sqlite,postgres).
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_BENCH_DB, envInt, BENCH_PASSWORD, HEAVY_EMAIL } from './fixtures';
import { pageWeight, signIn, timeSequentialGets, type Timing } from './http';
import { loadFloor, loadGrading, type Grader, type LoadResult } from './load';
import { machineInfo, renderTable, writeDocs } from './report';
import { sampleRss } from './rss';
import { buildIfNeeded, startServer } from './server';
import { SERVER_HEAP_FLAG } from '../lib/server-heap';

const seededFile = path.resolve(process.argv[2] || process.env.BENCH_DATABASE_PATH || DEFAULT_BENCH_DB);
if (!existsSync(seededFile)) {
  console.log(`${seededFile} does not exist: seeding it first (scripts/bench/seed.mts)…`);
  const seeded = spawnSync(process.execPath, [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/bench/seed.mts', seededFile], { stdio: 'inherit' });
  if (seeded.status !== 0) process.exit(seeded.status ?? 1);
}
// The grading load writes tens of thousands of reviews: run on a copy, so every run starts from
// the same seeded data (the class dashboard measured after five runs read 40 % more log rows).
const file = seededFile.replace(/(\.db)?$/, '-run.db');
{
  const seeded = new Database(seededFile);
  seeded.pragma('wal_checkpoint(TRUNCATE)');
  seeded.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  copyFileSync(seededFile, file);
  // Flushed before measuring: otherwise the first phase (grading, 1 conn) shares the disk with the
  // writeback of a 500 MB copy, and its fsyncs measured anything from 280 to 590 grades/s run to run.
  const fd = openSync(file, 'r+');
  fsyncSync(fd);
  closeSync(fd);
}
const port = envInt('PORT', 3305);
const duration = envInt('BENCH_DURATION', 10);
const pageRequests = envInt('BENCH_PAGE_REQUESTS', 50);
const userCount = envInt('BENCH_USERS', 32);
const connectionLevels = (process.env.BENCH_CONNECTIONS || '1,16,64').split(',').map(Number);
const machine = machineInfo();

// --- who to sign in, from the seeded data ---------------------------------------------
const ro = new Database(file, { readonly: true });
const count = (sql: string) => (ro.prepare(sql).get() as { n: number }).n;
const bigClass = ro
  .prepare('SELECT c.id, u.email FROM classes c JOIN users u ON u.id = c.instructor_id ORDER BY (SELECT count(*) FROM enrollments e WHERE e.class_id = c.id) DESC LIMIT 1')
  .get() as { id: number; email: string };
const students = ro.prepare("SELECT id, email FROM users WHERE role = 'student' AND email != ? ORDER BY id").all(HEAVY_EMAIL) as { id: number; email: string }[];
const step = Math.max(1, Math.floor(students.length / userCount));
const graderRows = students.filter((_, i) => i % step === 0).slice(0, userCount);
const studyable = ro.prepare<[number], { id: number }>(
  `SELECT c.id FROM cards c JOIN decks d ON d.id = c.deck_id
   WHERE c.retired_at IS NULL AND (d.owner_id IS NULL AND (d.id = 'war-for-peace' OR d.id IN (
     SELECT a.deck_id FROM assignments a JOIN enrollments e ON e.class_id = a.class_id WHERE e.user_id = ?)))`,
);
const graderCards = graderRows.map((s) => studyable.all(s.id).map((r) => r.id));
const heavyDeck = (ro.prepare("SELECT id FROM decks WHERE id LIKE 'bench-heavy-%' ORDER BY id LIMIT 1").get() as { id: string } | undefined)?.id;
const dataset = `${count('SELECT count(*) n FROM users')} users, ${count('SELECT count(*) n FROM cards')} cards, ${count('SELECT count(*) n FROM card_states')} card states, ${count('SELECT count(*) n FROM review_logs')} review logs; heavy student ${count(`SELECT count(*) n FROM card_states s JOIN users u ON u.id = s.user_id WHERE u.email = '${HEAVY_EMAIL}'`)} cards`;
const logsBefore = count('SELECT max(id) n FROM review_logs');
const heavyId = (ro.prepare('SELECT id FROM users WHERE email = ?').get(HEAVY_EMAIL) as { id: number } | undefined)?.id;
ro.close();

buildIfNeeded();
console.log(`Starting the server on port ${port} with ${file}…`);
const logFile = path.resolve('data/bench-server.log');
// The server runs as npm start runs it (scripts/lib/server-heap.ts) unless BENCH_NODE_ARGS says otherwise.
const nodeArgs = (process.env.BENCH_NODE_ARGS ?? SERVER_HEAP_FLAG).split(' ').filter(Boolean);
const server = await startServer({ port, databasePath: file, env: { BENCH_FLOOR: '1' }, logFile, nodeArgs });
console.log(`Server output goes to ${logFile}`);
const rss = sampleRss(server.pid);
try {
  const url = server.url;
  const heavy = await signIn(url, HEAVY_EMAIL, BENCH_PASSWORD);
  const instructor = await signIn(url, bigClass.email, BENCH_PASSWORD);
  const graders: Grader[] = [];
  for (const [i, s] of graderRows.entries()) graders.push({ cookie: await signIn(url, s.email, BENCH_PASSWORD), cardIds: graderCards[i] as number[] });
  console.log(`Signed in ${graders.length + 2} users.`);
  rss.endPhase('start and sign-ins');

  const floor: LoadResult[] = [];
  const grading: LoadResult[] = [];
  for (const c of connectionLevels) {
    await loadFloor(url, c, 2); // warm-up
    floor.push(await loadFloor(url, c, duration));
    grading.push(await loadGrading(url, graders, c, duration));
    const [f, g] = [floor.at(-1) as LoadResult, grading.at(-1) as LoadResult];
    console.log(`  ${c} conn: floor ${Math.round(f.rps)} req/s p99 ${f.p99} ms; grading ${Math.round(g.rps)} req/s p99 ${g.p99} ms (${g.non2xx} non-2xx)`);
    rss.endPhase(`floor and grading, ${c} conn`);
  }

  const floorSequential = await timeSequentialGets(`${url}/api/bench/floor`, undefined, pageRequests);
  const pages: { name: string; timing: Timing | null }[] = [];
  const measure = async (name: string, pathname: string, cookie: string) => {
    const timing = await timeSequentialGets(`${url}${pathname}`, cookie, pageRequests);
    pages.push({ name, timing });
    rss.endPhase(name);
    console.log(`  ${name}: ${timing.status} p50 ${timing.p50.toFixed(1)} ms p99 ${timing.p99.toFixed(1)} ms`);
  };
  await measure('Sign-in page (no data, no session)', '/signin', '');
  await measure('Today (heavy student)', '/today', heavy);
  await measure('Review page, real deck (heavy student)', '/review/war-for-peace', heavy);
  if (heavyDeck) await measure(`Review page, ${heavyDeck} (heavy student)`, `/review/${heavyDeck}`, heavy);
  await measure(`Class dashboard (class of 200)`, `/teach/classes/${bigClass.id}`, instructor);
  await measure('Progress (heavy student)', '/progress', heavy);
  const reviewJs = await pageWeight(`${url}/review/war-for-peace`, heavy);

  // Grading while the server refits every pool and the heavy student's own parameters (and replays
  // the card states of everyone who moved): the cost of a refit to the grade path. Graded in
  // windows of BENCH_DURATION for as long as the refit runs (at most BENCH_REFIT_WINDOWS windows):
  // a single window at its start saw only the first pool.
  const refitConnections = 16;
  const refitWindows = envInt('BENCH_REFIT_WINDOWS', 12);
  let duringRefit: { windows: LoadResult[]; refitMs: number | null; error: string | null } | null = null;
  // BENCH_REFIT=off skips this phase (a refit of every pool can run for many minutes on a busy machine).
  if (heavyId !== undefined && process.env.BENCH_REFIT !== 'off') {
    const started = await fetch(`${url}/api/bench/refit?userId=${heavyId}`, { method: 'POST' });
    if (started.status === 202) {
      type Status = { running: boolean; ms: number | null; error: string | null };
      const status = async () => (await (await fetch(`${url}/api/bench/refit`)).json()) as Status;
      const windows: LoadResult[] = [];
      let now = await status();
      while (now.running && windows.length < refitWindows) {
        windows.push(await loadGrading(url, graders, refitConnections, duration));
        now = await status();
      }
      // Then wait for it without load (up to 30 min), to record how long the whole refit takes.
      for (let i = 0; i < 3600 && now.running; i++) {
        await new Promise((r) => setTimeout(r, 500));
        now = await status();
      }
      duringRefit = { windows, refitMs: now.running ? null : now.ms, error: now.error };
      const total = windows.reduce((sum, w) => sum + w.requests, 0) / (windows.length * duration);
      console.log(`  grading during a refit, ${refitConnections} conn: ${Math.round(total)} req/s over ${windows.length} windows (p99 ${windows.map((w) => w.p99).join(', ')} ms); refit took ${now.ms} ms`);
      rss.endPhase('grading during a refit');
    }
  }
  const signinJs = await pageWeight(`${url}/signin`);

  const peakRssBytes = rss.stop();
  await server.stop();
  const after = new Database(file, { readonly: true });
  const recorded = (after.prepare('SELECT count(*) n FROM review_logs WHERE id > ?').get(logsBefore) as { n: number }).n;
  after.close();
  // The same pages' queries alone, in-process on the same file: how much of each render is data.
  console.log('Timing the data layer alone (scripts/bench/queries.mts)…');
  const queries = spawnSync(process.execPath, [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), '--conditions=react-server', 'scripts/bench/queries.mts', file], { encoding: 'utf8' });
  const dataLayer = queries.status === 0 ? queries.stdout.trim() : `(failed: ${queries.stderr.trim().split('\n')[0] ?? ''})`;
  console.log('Timing FSRS fits in-process (scripts/bench/fsrs.mts)…');
  const fits = spawnSync(process.execPath, [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), '--conditions=react-server', 'scripts/bench/fsrs.mts'], { encoding: 'utf8' });
  const fitRows = fits.status === 0 ? fits.stdout.trim() : `| FSRS fits | failed: ${fits.stderr.trim().split('\n')[0] ?? ''} | | | | |`;
  const baseline = grading.find((g) => g.connections === refitConnections);
  const refitRow = (() => {
    if (!duringRefit || duringRefit.windows.length === 0) return '| grading during a refit | n/a (no heavy student, route missing, or the refit ended at once) | | | | |';
    const w = duringRefit.windows;
    const rps = w.reduce((sum, x) => sum + x.requests, 0) / (w.length * duration);
    const p99s = w.map((x) => x.p99).sort((a, b) => a - b);
    const median = p99s[Math.floor(p99s.length / 2)] as number;
    const worst = Math.min(...w.map((x) => x.rps));
    const refit = duringRefit.refitMs === null ? 'still running' : `${(duringRefit.refitMs / 1000).toFixed(1)} s`;
    const figure = `${Math.round(rps)} req/s over ${w.length} × ${duration} s (worst window ${Math.round(worst)}), p99 median ${median} ms, worst ${p99s.at(-1)} ms (refit ${refit}${duringRefit.error ? `, failed: ${duringRefit.error}` : ''})`;
    if (!baseline) return `| grading during a pool + personal refit, ${refitConnections} conn | ${figure} | | | | |`;
    const share = (100 * rps) / baseline.rps;
    const verdict = share >= 85 && median <= 2 * baseline.p99 ? 'met' : '**missed**';
    return `| grading during a pool + personal refit, ${refitConnections} conn | ${figure} | ${Math.round(baseline.rps)} req/s, p99 ${baseline.p99} ms without | ${share.toFixed(0)} %, p99 ×${(median / baseline.p99).toFixed(1)} | ≥ 85 %, p99 ≤ 2× | ${verdict} |`;
  })();
  const table = [
    renderTable({ dataset, floor, grading, recorded, floorSequential, pages, peakRssBytes, rssPhases: rss.phases(), reviewJs, signinJs }, machine),
    refitRow,
    fitRows,
    '',
    'The same pages\' queries alone, in-process on the same database (`scripts/bench/queries.mts`, 20 runs each after 3 warm-ups):',
    '',
    '```',
    dataLayer,
    '```',
  ].join('\n');
  // The same measurements on PostgreSQL (BENCH_ENGINES=sqlite skips them), after the SQLite server has stopped.
  let pgTable = '';
  if ((process.env.BENCH_ENGINES ?? 'sqlite,postgres').includes('postgres')) {
    console.log('Measuring the same on PostgreSQL (scripts/bench/on-postgres.ts)…');
    try {
      const { benchOnPostgres } = await import('./on-postgres');
      pgTable = await benchOnPostgres({
        seededFile,
        port: port + 1,
        nodeArgs,
        graders: graderRows.map((g, i) => ({ email: g.email, cardIds: graderCards[i] as number[] })),
        instructorEmail: bigClass.email,
        classId: bigClass.id,
        heavyDeck,
        connectionLevels,
        duration,
        pageRequests,
        dataset,
        machine,
      });
    } catch (error) {
      pgTable = `(PostgreSQL run failed: ${error instanceof Error ? error.message : String(error)})`;
    }
  }
  const both = pgTable ? `${table}\n\n### On PostgreSQL (same data, copied; fsync on)\n\n${pgTable}` : table;
  console.log(`\n${both}\n`);
  writeDocs(both);
  console.log('Written to docs/benchmarks.md');
} finally {
  rss.stop();
  await server.stop();
}
