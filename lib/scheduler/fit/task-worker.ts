/**
 * One long-lived worker thread that runs tasks one at a time, for the FSRS optimiser.
 * A fresh worker per task (as before) cost a Node isolate and a copy of the native module per
 * fit, with the held-out check starting two at once; and terminating a worker right after the
 * native optimiser answered raced its progress callback's teardown: fsrs-binding panicked
 * ("threadsafe_function.rs ... assertion failed") and aborted the whole server (seen twice in
 * scripts/bench/refit-memory.mts runs). So: one worker, reused, tasks queued (never two native
 * fits at once), ended only after it has been idle a while, and started again when it died.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';

/** What the worker posts back: progress for the running task, then its answer or its error. */
export type WorkerReply = { id: number; progress: [number, number] } | { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

export interface TaskWorkerOptions {
  /** End the worker after this long without a task (its memory goes back); it starts again on demand. */
  idleMs?: number;
  resourceLimits?: ResourceLimits;
}

export class TaskWorker {
  private worker: Worker | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;
  /** How many workers have been started (tests check that tasks share one). */
  starts = 0;

  constructor(
    private readonly source: string,
    private readonly options: TaskWorkerOptions = {},
  ) {}

  /** Runs `message` in the worker once the tasks before it are done; `transfer` moves buffers instead of copying them. */
  run<T>(message: Record<string, unknown>, transfer: ArrayBuffer[] = [], onProgress?: (done: number, total: number) => void): Promise<T> {
    const task = this.queue.then(() => this.runNow<T>(message, transfer, onProgress));
    this.queue = task.catch(() => undefined);
    return task;
  }

  /** Ends the worker now (a running task is rejected). */
  async stop(): Promise<void> {
    clearTimeout(this.idleTimer);
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.source, { eval: true, resourceLimits: this.options.resourceLimits });
    worker.unref();
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = null;
    });
    // An error event is followed by exit; the running task hears of it through its own listeners.
    worker.on('error', () => undefined);
    this.worker = worker;
    this.starts++;
    return worker;
  }

  private runNow<T>(message: Record<string, unknown>, transfer: ArrayBuffer[], onProgress?: (done: number, total: number) => void): Promise<T> {
    clearTimeout(this.idleTimer);
    const worker = this.ensureWorker();
    // Held while a task runs (a script awaiting a fit must not exit); idle, it keeps nothing alive.
    worker.ref();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      let lastError: Error | null = null;
      const done = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        worker.unref();
        this.armIdleTimer();
      };
      const onMessage = (reply: WorkerReply) => {
        if (reply.id !== id) return;
        if ('progress' in reply) return onProgress?.(reply.progress[0], reply.progress[1]);
        done();
        if (reply.ok) resolve(reply.value as T);
        else reject(new Error(reply.error));
      };
      const onError = (error: Error) => {
        lastError = error;
      };
      const onExit = (code: number) => {
        done();
        reject(new Error(`the worker stopped (exit code ${code})${lastError ? `: ${lastError.message}` : ''}`));
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ ...message, id }, transfer);
    });
  }

  private armIdleTimer(): void {
    clearTimeout(this.idleTimer);
    const idleMs = this.options.idleMs ?? 60_000;
    this.idleTimer = setTimeout(() => void this.stop(), idleMs);
    this.idleTimer.unref();
  }
}
