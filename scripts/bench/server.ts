/**
 * Builds the app when the build is missing or older than the sources, and runs `next start`
 * on a chosen database and port. Shared by the benchmark and the crash test.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, openSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const nextBin = path.join(root, 'node_modules', '.bin', 'next');
const nextJs = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const SOURCES = ['app', 'components', 'db', 'lib', 'public', 'auth.ts', 'auth.config.ts', 'proxy.ts', 'instrumentation.ts', 'next.config.ts', 'package-lock.json', 'tsconfig.json'];

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(p).map((f) => newestMtime(path.join(p, f))));
}

/** Runs `next build` unless .next/BUILD_ID is newer than every source file. */
export function buildIfNeeded(log: (s: string) => void = console.log): void {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const changedAt = Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))));
  if (builtAt > changedAt && process.env.FORCE_BUILD !== '1') return;
  log(builtAt ? 'Sources changed since the last build: building…' : 'No build yet: building…');
  const result = spawnSync(nextBin, ['build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0) throw new Error(`next build failed (${result.status})`);
}

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
