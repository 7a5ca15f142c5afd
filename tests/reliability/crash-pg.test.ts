/**
 * The crash test on PostgreSQL (issue 18): 32 clients grade against the built server on a durable
 * cluster (fsync on, as in production), and then
 *   1. the app server is SIGKILLed and started again;
 *   2. the database itself is SIGKILLed (postmaster and every backend) while the app keeps running,
 *      and started again: PostgreSQL replays its WAL, and the same app process serves again without a restart.
 * After each, every grade a server acknowledged is in the log exactly once and each card's state is
 * the replay of its log; an acknowledged grade sent again is recognised.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createUser } from '@/db/admin/users';
import { openEngine } from '@/db/engine/open';
import { int } from '@/db/engine/rows';
import type { Engine } from '@/db/engine/types';
import { loadContentDir } from '@/db/seed';
import { cards as cardsTable } from '@/db/schema';
import { signIn } from '../../scripts/bench/http';
import { buildIfNeeded, startServer, waitForHealth, type RunningServer } from '../../scripts/bench/server';
import { acksNotLoggedOnce, statesNotReplayed, type AckedGrade } from '../support/grade-log-check';
import { startPgCluster, type PgCluster } from '../support/pg-cluster';
import { createTestDatabase } from '../support/pg-database';

const PORT = Number(process.env.RELIABILITY_PORT || 3307) + 20;
const CLIENTS = 32;
const PASSWORD = 'crash-pg-pass-1';
const dir = mkdtempSync(path.join(tmpdir(), 'srs-crash-pg-'));
const env = { AUTH_SECRET: randomBytes(32).toString('base64url') };

let cluster: PgCluster | undefined;
let url = '';
let server: RunningServer | undefined;
let users: { id: number; email: string; cookie: string }[] = [];
let cards: number[] = [];

interface Ack extends AckedGrade {
  cardId: number;
}

const start = () => startServer({ port: PORT, databasePath: path.join(dir, 'unused.db'), env: { ...env, DATABASE_URL: url }, logFile: path.join(dir, 'server.log') });

/** Opens the database, runs `check`, closes it (the test's own connections must not outlive a crash). */
async function onDatabase<T>(check: (db: Engine) => Promise<T>): Promise<T> {
  const db = await openEngine({ DATABASE_URL: url });
  try {
    return await check(db);
  } finally {
    await db.close();
  }
}

beforeAll(async () => {
  buildIfNeeded();
  cluster = await startPgCluster({ durable: true });
  url = await createTestDatabase(cluster.url, 'crash');
  await onDatabase(async (db) => {
    await loadContentDir(db, path.resolve('content'));
    for (let i = 0; i < 4; i++) {
      const u = await createUser(db, { email: `crash-pg${i}@test.example`, name: `Crash ${i}`, password: PASSWORD });
      users.push({ id: u.id, email: u.email, cookie: '' });
    }
    cards = (await db.all(sql`SELECT ${cardsTable.id} AS "id" FROM ${cardsTable} WHERE ${cardsTable.retiredAt} IS NULL`, z.object({ id: int }))).map((r) => r.id);
  });
  server = await start();
  users = await Promise.all(users.map(async (u) => ({ ...u, cookie: await signIn(server!.url, u.email, PASSWORD) })));
}, 600_000);

afterAll(async () => {
  await server?.stop('SIGKILL');
  await cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * One client: grades until `stop()` says so or the server is gone, recording what was acknowledged.
 * A failed request (the database down) is retried with a new grade, as the review screen's outbox would.
 */
async function gradeUntil(stopped: () => boolean, index: number, acks: Ack[]): Promise<void> {
  for (let n = 0; !stopped(); n++) {
    const user = users[(index + n) % users.length]!;
    const clientId = randomUUID();
    const cardId = cards[Math.floor(Math.random() * cards.length)]!;
    const entry = { clientId, cardId, grade: 1 + Math.floor(Math.random() * 4), reviewedAt: Date.now(), durationMs: 1500 };
    let response: Response;
    try {
      response = await fetch(`${server!.url}/api/reviews`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: user.cookie, origin: new URL(server!.url).origin },
        body: JSON.stringify({ reviews: [entry] }),
      });
    } catch {
      return; // the app server is gone
    }
    if (response.status !== 200) {
      await response.body?.cancel();
      await new Promise((r) => setTimeout(r, 50));
      continue;
    }
    const result = ((await response.json().catch(() => null)) as { results?: { status: string }[] } | null)?.results?.[0];
    if (result?.status === 'recorded' || result?.status === 'duplicate') acks.push({ userId: user.id, clientId, cardId });
  }
}

async function waitFor(condition: () => boolean, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (!condition() && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
}

async function expectAllAcked(acks: Ack[]) {
  const { wrong, logged } = await onDatabase((db) => acksNotLoggedOnce(db, acks));
  expect(wrong).toEqual([]);
  expect(await onDatabase((db) => statesNotReplayed(db))).toEqual([]);
  return logged;
}

describe('crashes while 32 clients grade on PostgreSQL', () => {
  const acks: Ack[] = [];

  it('a SIGKILLed app server loses no acknowledged grade and starts again', async () => {
    const clients = Array.from({ length: CLIENTS }, (_, i) => gradeUntil(() => false, i, acks));
    await waitFor(() => acks.length >= 300, 30_000);
    await server!.stop('SIGKILL');
    await Promise.all(clients);
    expect(acks.length).toBeGreaterThanOrEqual(300);
    server = await start();
    const logged = await expectAllAcked(acks);
    console.log(`app server SIGKILL: ${acks.length} grades acknowledged, all present once; ${logged - acks.length} more committed but not acknowledged`);
  }, 300_000);

  it('a SIGKILLed database loses no acknowledged grade, and the running app serves again once it is back', async () => {
    const before = acks.length;
    let stop = false;
    const clients = Array.from({ length: CLIENTS }, (_, i) => gradeUntil(() => stop, i, acks));
    await waitFor(() => acks.length >= before + 300, 30_000);
    await cluster!.crash();
    const atCrash = acks.length;
    expect((await fetch(`${server!.url}/api/health`)).status).toBe(503);
    await cluster!.restart();
    // The same app process (not restarted): its pool drops the dead connections and opens new ones.
    await waitForHealth(server!.url, 30_000);
    await waitFor(() => acks.length >= atCrash + 100, 30_000);
    stop = true;
    await Promise.all(clients);
    expect(atCrash).toBeGreaterThanOrEqual(before + 300);
    expect(acks.length).toBeGreaterThanOrEqual(atCrash + 100);
    const logged = await expectAllAcked(acks);
    console.log(`database SIGKILL: ${atCrash - before} grades acknowledged before it, ${acks.length - atCrash} after the restart, all present once; ${logged - acks.length} committed but not acknowledged`);

    // An acknowledged grade sent again is recognised, not recorded twice.
    const again = acks[before]!;
    const user = users.find((u) => u.id === again.userId)!;
    const resend = await fetch(`${server!.url}/api/reviews`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: user.cookie, origin: new URL(server!.url).origin },
      body: JSON.stringify({ reviews: [{ clientId: again.clientId, cardId: again.cardId, grade: 3, reviewedAt: Date.now(), durationMs: 1 }] }),
    });
    expect(resend.status).toBe(200);
    expect(((await resend.json()) as { results: { status: string }[] }).results[0]?.status).toBe('duplicate');
  }, 300_000);
});
