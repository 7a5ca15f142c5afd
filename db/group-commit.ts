/**
 * Group commit for the hot write path (grades), on the engine.
 *
 * SQLite: with synchronous=FULL every commit pays one fsync (~2.5 ms here, and better-sqlite3 blocks
 * the event loop meanwhile), which caps grading at a few hundred commits per second whatever the
 * CPU. Jobs queued in the same turn of the event loop share one BEGIN IMMEDIATE … COMMIT on the
 * engine's queue, hence one fsync: each still runs in its own SAVEPOINT, so one failing job rolls
 * back alone, and every promise settles only after the COMMIT, so an acknowledged write is as
 * durable as before. Under no concurrency a batch is one job and nothing changes. A job must await
 * nothing but its `tx` (each resolves at once on SQLite): it holds the one connection meanwhile.
 *
 * PostgreSQL: commits are the server's business and app servers are many, so each job is its own
 * transaction; what keeps two grades of one card apart is the row lock the grade takes
 * (db/queries/review-state.ts). A deadlock or serialisation failure between two servers' batches
 * is retried, the whole job again, a few times.
 */
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { engine } from '@/db/engine';
import type { Engine, Queryable } from '@/db/engine/types';

type Work<T> = (tx: Queryable) => Promise<T>;

interface Job {
  work: Work<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Bounds the latency one flush adds to the requests queued behind it. */
const MAX_JOBS_PER_COMMIT = 256;
/** PostgreSQL: how often a job that lost a deadlock or a serialisation race runs again. */
const PG_RETRIES = 3;

interface Queue {
  jobs: Job[];
  scheduled: boolean;
}

const queues = new WeakMap<Engine, Queue>();

async function flush(db: Engine, queue: Queue): Promise<void> {
  queue.scheduled = false;
  const jobs = queue.jobs.slice(0, MAX_JOBS_PER_COMMIT);
  queue.jobs = queue.jobs.slice(jobs.length);
  if (queue.jobs.length > 0) schedule(db, queue);
  const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
  try {
    await db.transaction(async (tx) => {
      for (const job of jobs) {
        try {
          outcomes.push({ ok: true, value: await inSavepoint(tx, 'group_job', () => job.work(tx)) });
        } catch (error) {
          outcomes.push({ ok: false, error });
        }
      }
    });
  } catch (error) {
    // The COMMIT itself failed (disk full, I/O error): nothing of this batch was written.
    for (const job of jobs) job.reject(error);
    return;
  }
  jobs.forEach((job, i) => {
    const outcome = outcomes[i] as (typeof outcomes)[number];
    if (outcome.ok) job.resolve(outcome.value);
    else job.reject(outcome.error);
  });
}

function schedule(db: Engine, queue: Queue): void {
  queue.scheduled = true;
  setImmediate(() => void flush(db, queue));
}

/**
 * Runs `work` in a savepoint of the open transaction `tx`: when it throws, its writes are rolled
 * back and the error rethrown, and the transaction goes on. `name` is a plain SQL identifier.
 */
export async function inSavepoint<T>(tx: Queryable, name: string, work: () => Promise<T>): Promise<T> {
  const s = savepointStatements(name);
  await tx.prepare(s.save).run({});
  try {
    const value = await work();
    await tx.prepare(s.release).run({});
    return value;
  } catch (error) {
    await tx.prepare(s.rollback).run({});
    await tx.prepare(s.release).run({});
    throw error;
  }
}

// Built once per name, so the engines render (and SQLite prepares) each statement once.
const savepoints = new Map<string, { save: SQL; release: SQL; rollback: SQL }>();
function savepointStatements(name: string) {
  let s = savepoints.get(name);
  if (!s) {
    const id = sql.identifier(name);
    savepoints.set(name, (s = { save: sql`SAVEPOINT ${id}`, release: sql`RELEASE SAVEPOINT ${id}`, rollback: sql`ROLLBACK TO SAVEPOINT ${id}` }));
  }
  return s;
}

/** A PostgreSQL deadlock or serialisation failure: the transaction is worth running again, whole. */
export const isRetryable = (error: unknown): boolean => typeof error === 'object' && error !== null && 'code' in error && (error.code === '40001' || error.code === '40P01');

async function ownTransaction<T>(db: Engine, work: Work<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction(work);
    } catch (error) {
      if (attempt >= PG_RETRIES || !isRetryable(error)) throw error;
    }
  }
}

/**
 * Runs `work` in the next group commit of `db` and resolves with its result once it is durably
 * committed (rejects with its error, its writes rolled back, when it throws).
 */
export function groupCommitOn<T>(db: Engine, work: Work<T>): Promise<T> {
  if (db.kind === 'postgres') return ownTransaction(db, work);
  let queue = queues.get(db);
  if (!queue) queues.set(db, (queue = { jobs: [], scheduled: false }));
  const q = queue;
  return new Promise<T>((resolve, reject) => {
    q.jobs.push({ work, resolve: resolve as (value: unknown) => void, reject });
    if (!q.scheduled) schedule(db, q);
  });
}

let appEngine: Engine | undefined;

/**
 * groupCommitOn the app's engine. Once the engine is open the job is queued at once, in the
 * caller's turn of the event loop (not a microtask later), so "queued in the same turn" means what it says.
 */
export function groupCommit<T>(work: Work<T>): Promise<T> {
  if (appEngine) return groupCommitOn(appEngine, work);
  return engine().then((db) => groupCommitOn((appEngine = db), work));
}
