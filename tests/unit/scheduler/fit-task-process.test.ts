/**
 * The optimiser's process host: one child reused for every task, one task at a time, at the lowest
 * CPU priority; a failing task leaves it serving, a child that dies (or is killed) fails only its
 * running task and the next task gets a new one; idle, it ends. Tested with a small child the test
 * controls, then with the real fsrs-rs optimiser (a failing evaluate, a fit, a crash mid-fit, a fit).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { getPriority } from 'node:os';
import { TaskProcess } from '@/lib/scheduler/fit/task-process';
import { fsrsOptimiser, optimiserProcessSource } from '@/lib/scheduler/fit/optimiser';
import { trainingItems } from '@/lib/scheduler/fit';
import { simulateLearner, utcDay } from '../../support/simulated-learner';

// Answers with its pid and how many tasks it was running at once; 'fail' answers an error,
// 'die' ends the process mid-task, 'slow' takes a while (so tasks could overlap if allowed).
const SOURCE = `
const threadId = process.pid;
const parentPort = { postMessage: (m) => process.send(m) };
let running = 0;
process.on('message', async (m) => {
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
const hosts: TaskProcess[] = [];
function host(idleMs = 60_000): TaskProcess {
  const h = new TaskProcess(SOURCE, { idleMs });
  hosts.push(h);
  return h;
}
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.stop()));
});

describe('TaskProcess', () => {
  it('runs every task in one child, one at a time, at the lowest priority', async () => {
    const h = host();
    const data = new Int32Array([1, 2, 3]);
    const answers = await Promise.all([
      h.run<Answer>({ kind: 'slow' }),
      h.run<Answer>({ kind: 'slow' }),
      h.run<Answer>({ kind: 'sum', data }),
    ]);
    expect(new Set(answers.map((a) => a.threadId)).size).toBe(1);
    expect(answers.map((a) => a.concurrent)).toEqual([1, 1, 1]);
    expect(answers[2]!.sum).toBe(6); // typed arrays arrive as typed arrays
    expect(h.starts).toBe(1);
    expect(getPriority(answers[0]!.threadId)).toBe(19);
  });

  it('reports progress to the task that asked', async () => {
    const h = host();
    const seen: number[][] = [];
    await h.run({ kind: 'progress' }, (done, total) => seen.push([done, total]));
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

  it('fails only the running task when the child dies, and starts a new one for the next', async () => {
    const h = host();
    const first = await h.run<Answer>({ kind: 'ok' });
    const [died, next] = await Promise.allSettled([h.run({ kind: 'die' }), h.run<Answer>({ kind: 'ok' })]);
    expect(died.status).toBe('rejected');
    expect(String((died as PromiseRejectedResult).reason)).toContain('exit code 7');
    expect(next.status).toBe('fulfilled');
    expect((next as PromiseFulfilledResult<Answer>).value.threadId).not.toBe(first.threadId);
    expect(h.starts).toBe(2);
  });

  it('ends the child once idle, and starts it again on demand', async () => {
    const h = host(20);
    const first = await h.run<Answer>({ kind: 'ok' });
    await new Promise((r) => setTimeout(r, 150));
    const second = await h.run<Answer>({ kind: 'ok' });
    expect(second.threadId).not.toBe(first.threadId);
    expect(h.starts).toBe(2);
  });
});

describe('the fsrs-rs optimiser in its process', () => {
  it('survives a failing task and a crash mid-fit: the next fits give weights', async () => {
    const child = new TaskProcess(optimiserProcessSource, { idleMs: 60_000 });
    hosts.push(child);
    const optimiser = fsrsOptimiser({ timeoutMs: 20, process: child });
    const items = trainingItems(simulateLearner({ cards: 60, days: 200, seed: 4 }), utcDay);
    // Three weights are no FSRS model: the binding refuses them.
    await expect(optimiser.evaluate([1, 2, 3], items)).rejects.toThrow(/FSRS optimiser/);
    const weights = await optimiser.fit(items);
    expect(weights).toHaveLength(21);
    const metrics = await optimiser.evaluate(weights, items);
    expect(metrics.logLoss).toBeGreaterThan(0);
    expect(child.starts).toBe(1);
    // The process dies mid-fit (killed, as the OOM killer would): that fit fails, the server does not.
    // Killed on the next turn of the event loop: the task has been sent by then (it is dispatched in a
    // microtask) and no fit can have answered (a fixed delay raced a fast fit on a quiet machine).
    const crashed = optimiser.fit(items);
    setImmediate(() => void child.stop());
    await expect(crashed).rejects.toThrow(/optimiser process stopped/);
    expect(await optimiser.fit(items)).toEqual(weights);
    expect(child.starts).toBe(2);
  }, 60_000);
});
