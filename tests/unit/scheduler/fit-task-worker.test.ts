/**
 * The optimiser's worker host: one worker reused for every task, one task at a time, a failing
 * task leaves the worker serving, a worker that dies fails only its running task and the next
 * task gets a new one; idle, it ends. Tested with a small worker the test controls, then with the
 * real fsrs-rs optimiser (a failing evaluate, then a fit, on one worker).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { TaskWorker } from '@/lib/scheduler/fit/task-worker';
import { fsrsOptimiser } from '@/lib/scheduler/fit/optimiser';
import { trainingItems } from '@/lib/scheduler/fit';
import { simulateLearner, utcDay } from '../../support/simulated-learner';

// Answers with its thread id and how many tasks it was running at once; 'fail' answers an
// error, 'die' ends the thread mid-task, 'slow' takes a while (so tasks could overlap if allowed).
const SOURCE = `
const { parentPort, threadId } = require('node:worker_threads');
let running = 0;
parentPort.on('message', async (m) => {
  running++;
  const concurrent = running;
  if (m.kind === 'slow') await new Promise((r) => setTimeout(r, 30));
  if (m.kind === 'progress') parentPort.postMessage({ id: m.id, progress: [1, 2] });
  running--;
  if (m.kind === 'die') process.exit(7);
  if (m.kind === 'fail') return parentPort.postMessage({ id: m.id, ok: false, error: 'no good' });
  parentPort.postMessage({ id: m.id, ok: true, value: { threadId, concurrent, sum: m.data ? m.data.reduce((a, b) => a + b, 0) : 0 } });
});`;

type Answer = { threadId: number; concurrent: number; sum: number };
const hosts: TaskWorker[] = [];
function host(idleMs = 60_000): TaskWorker {
  const h = new TaskWorker(SOURCE, { idleMs });
  hosts.push(h);
  return h;
}
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.stop()));
});

describe('TaskWorker', () => {
  it('runs every task on one worker, one at a time, with transferred buffers', async () => {
    const h = host();
    const data = new Int32Array([1, 2, 3]);
    const answers = await Promise.all([
      h.run<Answer>({ kind: 'slow' }),
      h.run<Answer>({ kind: 'slow' }),
      h.run<Answer>({ kind: 'sum', data }, [data.buffer]),
    ]);
    expect(new Set(answers.map((a) => a.threadId)).size).toBe(1);
    expect(answers.map((a) => a.concurrent)).toEqual([1, 1, 1]);
    expect(answers[2]!.sum).toBe(6);
    expect(data.length).toBe(0); // moved, not copied
    expect(h.starts).toBe(1);
  });

  it('reports progress to the task that asked', async () => {
    const h = host();
    const seen: number[][] = [];
    await h.run({ kind: 'progress' }, [], (done, total) => seen.push([done, total]));
    expect(seen).toEqual([[1, 2]]);
  });

  it('keeps serving after a task fails', async () => {
    const h = host();
    const first = await h.run<Answer>({ kind: 'ok' });
    await expect(h.run({ kind: 'fail' })).rejects.toThrow('no good');
    const after = await h.run<Answer>({ kind: 'ok' });
    expect(after.threadId).toBe(first.threadId);
    expect(h.starts).toBe(1);
  });

  it('fails only the running task when the worker dies, and starts a new one for the next', async () => {
    const h = host();
    const first = await h.run<Answer>({ kind: 'ok' });
    const [died, next] = await Promise.allSettled([h.run({ kind: 'die' }), h.run<Answer>({ kind: 'ok' })]);
    expect(died.status).toBe('rejected');
    expect(String((died as PromiseRejectedResult).reason)).toContain('exit code 7');
    expect(next.status).toBe('fulfilled');
    expect((next as PromiseFulfilledResult<Answer>).value.threadId).not.toBe(first.threadId);
    expect(h.starts).toBe(2);
  });

  it('ends the worker once idle, and starts it again on demand', async () => {
    const h = host(20);
    const first = await h.run<Answer>({ kind: 'ok' });
    await new Promise((r) => setTimeout(r, 150));
    const second = await h.run<Answer>({ kind: 'ok' });
    expect(second.threadId).not.toBe(first.threadId);
    expect(h.starts).toBe(2);
  });
});

describe('the fsrs-rs optimiser on its worker', () => {
  it('survives a failing task: the next fit runs on the same worker and gives weights', async () => {
    const worker = new TaskWorker((await import('@/lib/scheduler/fit/optimiser')).optimiserWorkerSource, { idleMs: 60_000 });
    hosts.push(worker);
    const optimiser = fsrsOptimiser({ timeoutMs: 20, worker });
    const items = trainingItems(simulateLearner({ cards: 60, days: 200, seed: 4 }), utcDay);
    // Three weights are no FSRS model: the binding refuses them.
    await expect(optimiser.evaluate([1, 2, 3], items)).rejects.toThrow(/FSRS optimiser/);
    const weights = await optimiser.fit(items);
    expect(weights).toHaveLength(21);
    const metrics = await optimiser.evaluate(weights, items);
    expect(metrics.logLoss).toBeGreaterThan(0);
    expect(worker.starts).toBe(1);
  }, 60_000);
});
