/**
 * Two app servers on one PostgreSQL database (issue 18, "more than one app server, proven"):
 * two `next start` processes share a database, clients grade the same few cards through both at
 * once, and every grade either server acknowledged must be in the log exactly once, with each
 * card's state equal to a replay of its log — two servers never interleave two grades of a card.
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
import { cards, reviewLogs } from '@/db/schema';
import { signIn } from '../../scripts/bench/http';
import { buildIfNeeded, startServer, type RunningServer } from '../../scripts/bench/server';
import { acksNotLoggedOnce, statesNotReplayed } from '../support/grade-log-check';
import { startPgCluster, type PgCluster } from '../support/pg-cluster';
import { createTestDatabase } from '../support/pg-database';

const PORTS = [Number(process.env.RELIABILITY_PORT || 3307) + 10, Number(process.env.RELIABILITY_PORT || 3307) + 11];
const PASSWORD = 'two-servers-pass-1';
const CLIENTS_PER_SERVER = 8;
const GRADES_PER_CLIENT = 30;
const dir = mkdtempSync(path.join(tmpdir(), 'srs-two-servers-'));
// One secret for both servers, as behind a load balancer: a session cookie is good on either.
const env = { AUTH_SECRET: randomBytes(32).toString('base64url') };

let cluster: PgCluster | undefined;
let db: Engine | undefined;
let servers: RunningServer[] = [];
let users: { id: number; email: string; cookies: string[] }[] = [];
let hot: number[] = [];

interface Ack {
  userId: number;
  clientId: string;
  server: number;
}

beforeAll(async () => {
  buildIfNeeded();
  cluster = await startPgCluster();
  const url = await createTestDatabase(cluster.url, 'two_servers');
  db = await openEngine({ DATABASE_URL: url });
  await loadContentDir(db, path.resolve('content'));
  for (let i = 0; i < 2; i++) {
    const u = await createUser(db, { email: `two${i}@test.example`, name: `Two ${i}`, password: PASSWORD });
    users.push({ id: u.id, email: u.email, cookies: [] });
  }
  // A few cards only, so that the two servers keep grading the same card at the same time.
  hot = (await db.all(sql`SELECT ${cards.id} AS "id" FROM ${cards} WHERE ${cards.retiredAt} IS NULL ORDER BY ${cards.position} LIMIT 4`, z.object({ id: int }))).map((r) => r.id);
  servers = await Promise.all(
    PORTS.map((port, i) => startServer({ port, databasePath: path.join(dir, 'unused.db'), env: { ...env, DATABASE_URL: url }, logFile: path.join(dir, `server-${i}.log`) })),
  );
  users = await Promise.all(users.map(async (u) => ({ ...u, cookies: await Promise.all(servers.map((s) => signIn(s.url, u.email, PASSWORD))) })));
}, 600_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await db?.close();
  await cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function grade(server: number, user: (typeof users)[number], body: object): Promise<Response> {
  const url = (servers[server] as RunningServer).url;
  return fetch(`${url}/api/reviews`, {
    method: 'POST',
    // Origin as a browser sends it: the route refuses requests that do not come from our own pages.
    headers: { 'content-type': 'application/json', cookie: user.cookies[server] as string, origin: new URL(url).origin },
    body: JSON.stringify(body),
  });
}

/** One client on one server: grades the hot cards, recording what the server acknowledged. */
async function client(server: number, index: number, acks: Ack[]): Promise<void> {
  for (let n = 0; n < GRADES_PER_CLIENT; n++) {
    const user = users[(index + n) % users.length] as (typeof users)[number];
    const clientId = randomUUID();
    const entry = { clientId, cardId: hot[(index + n) % hot.length], grade: 1 + ((index * 7 + n) % 4), reviewedAt: Date.now(), durationMs: 1200 };
    const response = await grade(server, user, { reviews: [entry] });
    expect(response.status).toBe(200);
    const result = ((await response.json()) as { results: { clientId: string; status: string }[] }).results[0];
    expect(result?.status).toBe('recorded');
    acks.push({ userId: user.id, clientId, server });
  }
}

describe('two app servers on one PostgreSQL database', () => {
  it('records every grade sent through either server once, and each card state is the replay of its log', async () => {
    const acks: Ack[] = [];
    await Promise.all(servers.flatMap((_, s) => Array.from({ length: CLIENTS_PER_SERVER }, (_, i) => client(s, i, acks))));
    expect(acks.length).toBe(servers.length * CLIENTS_PER_SERVER * GRADES_PER_CLIENT);
    expect(new Set(acks.map((a) => a.server)).size).toBe(2);

    const engine = db as Engine;
    const { wrong, logged } = await acksNotLoggedOnce(engine, acks);
    expect(wrong).toEqual([]);
    expect(logged).toBe(acks.length);
    expect(await statesNotReplayed(engine)).toEqual([]);

    // A grade acknowledged by one server, sent again through the other, is recognised there.
    const first = acks[0] as Ack;
    const user = users.find((u) => u.id === first.userId) as (typeof users)[number];
    const other = first.server === 0 ? 1 : 0;
    const again = await engine.get(sql`SELECT ${reviewLogs.cardId} AS "cardId" FROM ${reviewLogs} WHERE ${reviewLogs.clientId} = ${first.clientId}`, z.object({ cardId: int }));
    const resend = await grade(other, user, { reviews: [{ clientId: first.clientId, cardId: again?.cardId, grade: 3, reviewedAt: Date.now(), durationMs: 1 }] });
    expect(resend.status).toBe(200);
    expect(((await resend.json()) as { results: { status: string }[] }).results[0]?.status).toBe('duplicate');
  }, 300_000);
});
