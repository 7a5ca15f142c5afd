/**
 * Group commit for the hot write path. SQLite with synchronous=FULL pays one fsync per commit
 * (~2.5 ms here, and better-sqlite3 blocks the event loop meanwhile), which caps grading at a few
 * hundred commits per second whatever the CPU. Writes queued in the same turn of the event loop
 * share one transaction, hence one fsync: each still runs in its own savepoint, so one failing job
 * rolls back alone, and every promise settles only after the COMMIT, so an acknowledged write is
 * as durable as before. Under no concurrency a batch is one job and nothing changes.
 */
import 'server-only';
import { db } from '@/db';

interface Job {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Bounds the latency one flush adds to the requests queued behind it. */
const MAX_JOBS_PER_COMMIT = 256;

let queue: Job[] = [];
let scheduled = false;

function flush(): void {
  scheduled = false;
  const jobs = queue.slice(0, MAX_JOBS_PER_COMMIT);
  queue = queue.slice(jobs.length);
  if (queue.length > 0) schedule();
  const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
  try {
    db.$client.transaction(() => {
      for (const job of jobs) {
        try {
          // A transaction inside a transaction is a savepoint in better-sqlite3.
          outcomes.push({ ok: true, value: db.$client.transaction(job.work)() });
        } catch (error) {
          outcomes.push({ ok: false, error });
        }
      }
      // IMMEDIATE: take the write lock up front (see recordReview), waiting up to busy_timeout for it.
    }).immediate();
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

function schedule(): void {
  scheduled = true;
  setImmediate(flush);
}

/**
 * Runs `work` (synchronous database writes) in the next group commit and resolves with its result
 * once it is durably committed. `work` must not await: it runs inside a transaction.
 */
export function inGroupCommit<T>(work: () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
    if (!scheduled) schedule();
  });
}
