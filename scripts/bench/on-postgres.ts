/**
 * The PostgreSQL half of `npm run bench` (issue 18): the same seeded data copied into a throwaway
 * cluster with fsync on (db/pg/copy-from-sqlite.ts), the built app served from it, and the same
 * HTTP measurements as on SQLite, each against the floor measured on that server in the same run.
 * The refit window and the in-process data-layer timings stay SQLite-only.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connectPg, type PgDb } from '../../db/pg/connection';
import { copySqliteToPg } from '../../db/pg/copy-from-sqlite';
import { startPgCluster } from '../../tests/support/pg-cluster';
import { createTestDatabase } from '../../tests/support/pg-database';
import { BENCH_PASSWORD, HEAVY_EMAIL } from './fixtures';
import { pageWeight, signIn, timeSequentialGets, type Timing } from './http';
import { loadFloor, loadGrading, type Grader, type LoadResult } from './load';
import { renderTable } from './report';
import { sampleRss } from './rss';
import { startServer } from './server';

export interface PostgresBenchInput {
  seededFile: string;
  port: number;
  nodeArgs: string[];
  graders: { email: string; cardIds: number[] }[];
  instructorEmail: string;
  classId: number;
  heavyDeck: string | undefined;
  connectionLevels: number[];
  duration: number;
  pageRequests: number;
  dataset: string;
  machine: string;
}

/** Runs the measurements on PostgreSQL and returns their table (markdown). */
export async function benchOnPostgres(input: PostgresBenchInput): Promise<string> {
  const cluster = await startPgCluster({ durable: true });
  const dir = mkdtempSync(path.join(tmpdir(), 'srs-bench-pg-'));
  let pg: PgDb | undefined;
  try {
    const url = await createTestDatabase(cluster.url, 'bench');
    const db = await connectPg(url, { max: 1, applicationName: 'recall-bench' });
    pg = db;
    const sqlite = new Database(input.seededFile, { readonly: true, fileMustExist: true });
    const copyStarted = Date.now();
    let rows = 0;
    try {
      rows = (await copySqliteToPg(sqlite, db, { batchRows: 2000 })).reduce((n, r) => n + r.rows, 0);
      await db.$client.query('ANALYZE');
    } finally {
      sqlite.close();
    }
    const logs = async () => Number((await db.$client.query<{ n: string }>('SELECT count(*) AS n FROM review_logs')).rows[0]?.n ?? 0);
    const logsBefore = await logs();
    console.log(`Copied ${rows} rows into PostgreSQL in ${((Date.now() - copyStarted) / 1000).toFixed(0)} s.`);
    const logFile = path.resolve('data/bench-server-pg.log');
    const server = await startServer({ port: input.port, databasePath: path.join(dir, 'unused.db'), env: { BENCH_FLOOR: '1', DATABASE_URL: url }, logFile, nodeArgs: input.nodeArgs });
    const rss = sampleRss(server.pid);
    try {
      const base = server.url;
      const heavy = await signIn(base, HEAVY_EMAIL, BENCH_PASSWORD);
      const instructor = await signIn(base, input.instructorEmail, BENCH_PASSWORD);
      const graders: Grader[] = [];
      for (const g of input.graders) graders.push({ cookie: await signIn(base, g.email, BENCH_PASSWORD), cardIds: g.cardIds });
      rss.endPhase('start and sign-ins');
      const floor: LoadResult[] = [];
      const grading: LoadResult[] = [];
      for (const c of input.connectionLevels) {
        await loadFloor(base, c, 2);
        floor.push(await loadFloor(base, c, input.duration));
        grading.push(await loadGrading(base, graders, c, input.duration));
        const [f, g] = [floor.at(-1) as LoadResult, grading.at(-1) as LoadResult];
        console.log(`  [pg] ${c} conn: floor ${Math.round(f.rps)} req/s p99 ${f.p99} ms; grading ${Math.round(g.rps)} req/s p99 ${g.p99} ms (${g.non2xx} non-2xx)`);
        rss.endPhase(`floor and grading, ${c} conn`);
      }
      const floorSequential = await timeSequentialGets(`${base}/api/bench/floor`, undefined, input.pageRequests);
      const pages: { name: string; timing: Timing | null }[] = [];
      const measure = async (name: string, pathname: string, cookie: string) => {
        const timing = await timeSequentialGets(`${base}${pathname}`, cookie, input.pageRequests);
        pages.push({ name, timing });
        rss.endPhase(name);
        console.log(`  [pg] ${name}: ${timing.status} p50 ${timing.p50.toFixed(1)} ms p99 ${timing.p99.toFixed(1)} ms`);
      };
      await measure('Sign-in page (no data, no session)', '/signin', '');
      await measure('Today (heavy student)', '/today', heavy);
      await measure('Review page, real deck (heavy student)', '/review/war-for-peace', heavy);
      if (input.heavyDeck) await measure(`Review page, ${input.heavyDeck} (heavy student)`, `/review/${input.heavyDeck}`, heavy);
      await measure('Class dashboard (class of 200)', `/teach/classes/${input.classId}`, instructor);
      await measure('Progress (heavy student)', '/progress', heavy);
      const reviewJs = await pageWeight(`${base}/review/war-for-peace`, heavy);
      const signinJs = await pageWeight(`${base}/signin`);
      const recorded = (await logs()) - logsBefore;
      return renderTable({ dataset: input.dataset, floor, grading, recorded, floorSequential, pages, peakRssBytes: rss.stop(), rssPhases: rss.phases(), reviewJs, signinJs }, input.machine);
    } finally {
      rss.stop();
      await server.stop();
    }
  } finally {
    await pg?.$client.end();
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
