/**
 * Builds the app when the build is missing or older than the sources, and runs `next start`
 * on a chosen database and port. Shared by the benchmark and the crash test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { openSync } from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const nextJs = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

export { buildIfNeeded } from '../lib/build';
export interface RunningServer {
  url: string;
  process: ChildProcess;
  pid: number;
  /** SIGTERM (or the given signal) and wait for the exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export async function waitForHealth(url: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not become healthy in ${timeoutMs} ms`);
}

/** Starts `next start` on `port` with DATABASE_PATH = `databasePath`; resolves once /api/health answers. */
export async function startServer(opts: { port: number; databasePath: string; env?: Record<string, string>; logFile?: string; nodeArgs?: string[] }): Promise<RunningServer> {
  const url = `http://127.0.0.1:${opts.port}`;
  // Its own process group, so a signal reaches next-server and anything it forks.
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), nextJs, 'start', '-p', String(opts.port), '-H', '127.0.0.1'], {
    detached: true,
    // Clients that hang up mid-request (the load generator stopping) make the server log noise.
    stdio: opts.logFile ? ['ignore', openSync(opts.logFile, 'a'), openSync(opts.logFile, 'a')] : 'inherit',
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_PATH: path.resolve(opts.databasePath),
      AUTH_SECRET: process.env.AUTH_SECRET || randomBytes(32).toString('base64url'),
      AUTH_TRUST_HOST: 'true',
      ...opts.env,
    },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-(child.pid as number), signal);
      } catch {
        child.kill(signal);
      }
    }
    await exited;
  };
  try {
    await waitForHealth(url);
  } catch (error) {
    await stop('SIGKILL');
    throw error;
  }
  return { url, process: child, pid: child.pid as number, stop };
}
