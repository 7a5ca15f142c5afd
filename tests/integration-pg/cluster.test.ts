// The throwaway cluster (tests/support/pg-cluster.ts): reachable at the URL it hands out, and
// cleaned up when its owner dies however it died, so a killed test run leaves no server behind.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { startPgCluster, sweepStaleClusters } from '../support/pg-cluster';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

const children: number[] = [];
afterAll(() => {
  for (const pid of children) if (alive(pid)) process.kill(pid, 'SIGKILL');
});

/** A process we start and may kill: stands in for a test runner. */
function standIn(): number {
  const child = spawn('sleep', ['60'], { stdio: 'ignore' });
  children.push(child.pid!);
  return child.pid!;
}

describe('throwaway PostgreSQL cluster', () => {
  it('answers at the URL the global setup provided, on PostgreSQL 15 or later', async () => {
    const client = new pg.Client({ connectionString: inject('pgUrl') });
    await client.connect();
    const { rows } = await client.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
    await client.end();
    expect(Number(rows[0]!.v)).toBeGreaterThanOrEqual(150000);
  });

  it('is stopped and removed by its watchdog when the owning process is killed', async () => {
    const owner = standIn();
    const cluster = await startPgCluster({ owner });
    const postmaster = Number(readFileSync(path.join(cluster.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
    expect(alive(postmaster)).toBe(true);

    process.kill(owner, 'SIGKILL');
    // The watchdog polls twice a second, then waits for the immediate shutdown.
    expect(await until(() => !alive(postmaster), 8_000)).toBe(true);
    expect(await until(() => !existsSync(cluster.dir), 3_000)).toBe(true);
  });

  it('sweeps a stale cluster dir whose owner and watchdog are gone, and leaves a live run alone', async () => {
    const base = mkdtempSync(path.join(tmpdir(), 'sweep-test-'));
    try {
      const deadOwner = standIn();
      process.kill(deadOwner, 'SIGKILL');
      await until(() => !alive(deadOwner), 2_000);
      const stale = path.join(base, `recall-pg-${deadOwner}-stale`);
      mkdirSync(path.join(stale, 'data'), { recursive: true });
      const leftover = standIn(); // stands in for the postmaster left running
      writeFileSync(path.join(stale, 'data', 'postmaster.pid'), `${leftover}\n${stale}/data\n`);

      const live = path.join(base, `recall-pg-${process.pid}-live`);
      mkdirSync(live);
      const unrelated = path.join(base, 'recall-pg-notes');
      mkdirSync(unrelated);

      expect(await sweepStaleClusters(base)).toEqual([stale]);
      expect(existsSync(stale)).toBe(false);
      expect(await until(() => !alive(leftover), 2_000)).toBe(true);
      expect(existsSync(live)).toBe(true);
      expect(existsSync(unrelated)).toBe(true);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});
