/**
 * A throwaway PostgreSQL cluster for tests: Debian's `postgresql` binaries (15+), a data directory
 * in a temp dir, listening only on a Unix socket inside that dir (no TCP port to collide with
 * another run), trust authentication, fsync off. `startPgCluster()` returns its `postgres://` URL.
 *
 * Robust to a killed run: a detached watchdog shell stops the server (SIGQUIT, PostgreSQL's
 * immediate shutdown) and removes the dir as soon as the owning process is gone, however it died;
 * and every start first sweeps `recall-pg-<owner pid>-*` dirs whose owner is dead (a watchdog killed too).
 * The owner's pid is in the dir's name, not in a file, so no sweep can see a new dir before it has its owner.
 */
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const PREFIX = 'recall-pg-';
const NAME = /^recall-pg-(\d+)-/;

export interface PgCluster {
  /** Superuser URL of the `postgres` database, e.g. postgres://postgres@localhost/postgres?host=%2Ftmp%2Frecall-pg-AbC123 */
  url: string;
  dir: string;
  stop(): Promise<void>;
  /** SIGKILLs the postmaster and every backend at once, as a power cut or the OOM killer would (run `durable` to test what survives). */
  crash(): Promise<void>;
  /** Starts the server again on the same data directory (after `crash`, PostgreSQL replays its WAL first). */
  restart(): Promise<void>;
}

/** `PG_BIN`, else the newest /usr/lib/postgresql/<major>/bin with an initdb (Debian's layout). */
export function pgBinDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root) ? readdirSync(root).filter((d) => /^\d+$/.test(d)).map(Number) : [];
  for (const major of majors.sort((a, b) => b - a)) {
    const bin = path.join(root, String(major), 'bin');
    if (existsSync(path.join(bin, 'initdb'))) return bin;
  }
  throw new Error('PostgreSQL is not installed: `apt-get install -y postgresql` (what .ci/run does), or set PG_BIN to its bin directory.');
}

const isRoot = () => process.getuid?.() === 0;

/** initdb and postgres refuse to run as root: run them as Debian's `postgres` user then. */
function runPg(bin: string, args: string[], options: SpawnSyncOptions = {}): void {
  const [cmd, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const result = spawnSync(cmd, argv, { encoding: 'utf8', ...options });
  if (result.status !== 0) {
    throw new Error(`${path.basename(bin)} failed (${result.status ?? result.signal}): ${String(result.stderr || result.stdout).trim()}`);
  }
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPid(file: string): number {
  try {
    return Number.parseInt(readFileSync(file, 'utf8').split('\n')[0] ?? '', 10);
  } catch {
    return NaN;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (alive(pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
}

/** Stops (immediately) and removes clusters left by runs that died with their watchdog. */
export async function sweepStaleClusters(base: string = tmpdir()): Promise<string[]> {
  const swept: string[] = [];
  for (const name of readdirSync(base)) {
    const owner = NAME.exec(name)?.[1];
    if (!owner || alive(Number(owner))) continue; // a run in progress (perhaps another checkout's)
    const dir = path.join(base, name);
    const postmaster = readPid(path.join(dir, 'data', 'postmaster.pid'));
    if (alive(postmaster)) {
      process.kill(postmaster, 'SIGQUIT');
      await waitForExit(postmaster, 5_000);
    }
    rmSync(dir, { recursive: true, force: true });
    swept.push(dir);
  }
  return swept;
}

/** Watches `owner`; once it is gone, stops the postmaster and removes `dir`. Detached: outlives a SIGKILLed owner. */
function startWatchdog(owner: number, dir: string): number | undefined {
  const script = `
    while kill -0 ${owner} 2>/dev/null; do sleep 0.5; done
    pm=$(head -n 1 "$1/data/postmaster.pid" 2>/dev/null)
    if [ -n "$pm" ]; then kill -QUIT "$pm" 2>/dev/null; while kill -0 "$pm" 2>/dev/null; do sleep 0.1; done; fi
    rm -rf "$1"`;
  const child = spawn('sh', ['-c', script, 'pg-watchdog', dir], { detached: true, stdio: 'ignore' });
  child.unref();
  return child.pid;
}

/** `durable`: fsync on, as a real server runs (for measuring commits); tests leave it off. */
export async function startPgCluster(options: { owner?: number; durable?: boolean } = {}): Promise<PgCluster> {
  const bin = pgBinDir();
  await sweepStaleClusters();
  const owner = options.owner ?? process.pid;
  const dir = mkdtempSync(path.join(tmpdir(), `${PREFIX}${owner}-`));
  const watchdog = startWatchdog(owner, dir);
  const durability = options.durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off';
  const serverOptions = `-k ${dir} -c listen_addresses=''${durability} -c max_connections=100`;
  try {
    if (isRoot()) {
      const pgUser = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
      const pgGroup = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
      chownSync(dir, Number(pgUser.stdout), Number(pgGroup.stdout));
    }
    const data = path.join(dir, 'data');
    // --no-sync and fsync=off: a throwaway cluster needs no durability, and it halves initdb's time.
    runPg(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync']);
    runPg(path.join(bin, 'pg_ctl'), ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-t', '30', '-o', serverOptions, 'start'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const postmaster = readPid(path.join(dir, 'data', 'postmaster.pid'));
    if (alive(postmaster)) process.kill(postmaster, 'SIGQUIT');
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const url = `postgres://postgres@localhost/postgres?host=${encodeURIComponent(dir)}`;
  const data = path.join(dir, 'data');
  let stopped = false;
  return {
    url,
    dir,
    async crash() {
      const postmaster = readPid(path.join(data, 'postmaster.pid'));
      if (!alive(postmaster)) throw new Error('the cluster is not running');
      const children = spawnSync('pgrep', ['-P', String(postmaster)], { encoding: 'utf8' }).stdout.split('\n').map(Number).filter(alive);
      for (const pid of [postmaster, ...children]) process.kill(pid, 'SIGKILL');
      for (const pid of [postmaster, ...children]) await waitForExit(pid, 5_000);
    },
    async restart() {
      runPg(path.join(bin, 'pg_ctl'), ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', '-o', serverOptions, 'start'], { stdio: ['ignore', 'pipe', 'pipe'] });
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      const postmaster = readPid(path.join(dir, 'data', 'postmaster.pid'));
      if (alive(postmaster)) {
        // SIGINT is PostgreSQL's "fast" shutdown: open connections are ended, no checkpoint wait for clients.
        process.kill(postmaster, 'SIGINT');
        await waitForExit(postmaster, 10_000);
        if (alive(postmaster)) process.kill(postmaster, 'SIGQUIT');
        await waitForExit(postmaster, 5_000);
      }
      if (watchdog && alive(watchdog)) process.kill(watchdog, 'SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
