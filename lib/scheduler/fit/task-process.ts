/**
 * One long-lived child process that runs tasks one at a time, for the FSRS optimiser.
 * Before, each fit and each evaluation started a fresh worker thread inside the server: an isolate
 * and the native module per task, two at once for the held-out check, and native memory that glibc
 * kept in the server after the worker ended (a full refit peaked at 774 MB). Ending a worker right
 * after the native optimiser answered also raced the teardown of its progress callback: fsrs-binding
 * panicked ("threadsafe_function.rs ... assertion failed") and aborted the whole server (twice in
 * scripts/bench/refit-memory.mts runs). A child process bounds all three: a crash ends only the
 * child, its memory goes back to the system when it ends (after a minute idle), and it runs at the
 * lowest CPU priority, so on a small machine grading keeps the cores while a refit runs.
 * Tasks are queued (never two native fits at once); a child that died is started again on demand.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { setPriority } from 'node:os';

/** What the child sends back: progress for the running task, then its answer or its error. */
export type TaskReply = { id: number; progress: [number, number] } | { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

export interface TaskProcessOptions {
  /** End the child after this long without a task; it starts again on demand. */
  idleMs?: number;
  /** V8 heap cap of the child, in MB. */
  heapMb?: number;
  /** Unix nice value of the child (19: runs only when nothing else wants the CPU). */
  nice?: number;
}

export class TaskProcess {
  private child: ChildProcess | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;
  /** How many children have been started (tests check that tasks share one). */
  starts = 0;

  constructor(
    private readonly source: string,
    private readonly options: TaskProcessOptions = {},
  ) {}

  /** Runs `message` in the child once the tasks before it are done (typed arrays are copied across). */
  run<T>(message: Record<string, unknown>, onProgress?: (done: number, total: number) => void): Promise<T> {
    const task = this.queue.then(() => this.runNow<T>(message, onProgress));
    this.queue = task.catch(() => undefined);
    return task;
  }

  /** Ends the child now (a running task is rejected). */
  stop(): Promise<void> {
    clearTimeout(this.idleTimer);
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }

  private ensureChild(): ChildProcess {
    if (this.child) return this.child;
    const heap = `--max-old-space-size=${this.options.heapMb ?? 128}`;
    // The app's folder is the child's, so it requires the binding from the app's node_modules.
    const child = spawn(process.execPath, [heap, '-e', this.source], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
    try {
      if (child.pid !== undefined) setPriority(child.pid, this.options.nice ?? 19);
    } catch {
      // Not permitted here: it runs at the server's priority.
    }
    child.on('exit', () => {
      if (this.child === child) this.child = null;
    });
    child.on('error', () => undefined); // followed by exit, which the running task hears
    child.unref();
    child.channel?.unref();
    this.child = child;
    this.starts++;
    return child;
  }

  private runNow<T>(message: Record<string, unknown>, onProgress?: (done: number, total: number) => void): Promise<T> {
    clearTimeout(this.idleTimer);
    const child = this.ensureChild();
    const id = this.nextId++;
    // Held while a task runs (a script awaiting a fit must not exit); idle, it keeps nothing alive.
    child.ref();
    child.channel?.ref();
    return new Promise<T>((resolve, reject) => {
      let lastError: Error | null = null;
      const done = () => {
        child.off('message', onMessage);
        child.off('error', onError);
        child.off('exit', onExit);
        child.unref();
        child.channel?.unref();
        this.armIdleTimer();
      };
      const onMessage = (reply: TaskReply) => {
        if (reply.id !== id) return;
        if ('progress' in reply) return onProgress?.(reply.progress[0], reply.progress[1]);
        done();
        if (reply.ok) resolve(reply.value as T);
        else reject(new Error(reply.error));
      };
      const onError = (error: Error) => {
        lastError = error;
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        done();
        reject(new Error(`the optimiser process stopped (${signal ?? `exit code ${code}`})${lastError ? `: ${lastError.message}` : ''}`));
      };
      child.on('message', onMessage);
      child.on('error', onError);
      child.on('exit', onExit);
      child.send({ ...message, id }, (error) => {
        if (error) lastError = error;
      });
    });
  }

  private armIdleTimer(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.stop(), this.options.idleMs ?? 60_000);
    this.idleTimer.unref();
  }
}
