/**
 * Kill -9 in the middle of grading: 32 clients grade continuously against the built server, the
 * server is SIGKILLed, restarted on the same file, and every grade it acknowledged must be in the
 * database exactly once, the file must pass integrity_check, and the app must answer again.
 */
import Database from 'better-sqlite3';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@/db/admin/users';
import { sqliteEngine } from '@/db/engine/sqlite';
import { applyMigrations, openDatabase } from '@/db/connection';
import { loadContentDir } from '@/db/seed';
import { replayLog, type Grade, type SchedulerSettings } from '@/lib/scheduler';
import { signIn } from '../../scripts/bench/http';
import { buildIfNeeded, startServer, type RunningServer } from '../../scripts/bench/server';

const PORT = Number(process.env.RELIABILITY_PORT || 3307);
const CLIENTS = 32;
const PASSWORD = 'reliability-pass-1';
const dir = mkdtempSync(path.join(tmpdir(), 'srs-crash-'));
// One secret for both server starts, so the sessions survive the restart like in production.
const env = { AUTH_SECRET: randomBytes(32).toString('base64url') };
const file = path.join(dir, 'app.db');

interface Ack {
  userId: number;
  clientId: string;
  cardId: number;
  status: string;
}

let users: { id: number; email: string; cookie: string }[] = [];
let cards: number[] = [];
let server: RunningServer | undefined;

beforeAll(async () => {
  buildIfNeeded();
  const db = openDatabase(file);
  applyMigrations(db);
  const onFile = sqliteEngine(db);
  await loadContentDir(onFile, path.resolve('content'));
  for (let i = 0; i < 4; i++) {
    const u = await createUser(onFile, { email: `crash${i}@test.example`, name: `Crash ${i}`, password: PASSWORD });
    users.push({ id: u.id, email: u.email, cookie: '' });
  }
  cards = (db.$client.prepare("SELECT id FROM cards WHERE deck_id = 'war-for-peace' AND retired_at IS NULL").all() as { id: number }[]).map((r) => r.id);
  db.$client.close();
  server = await startServer({ port: PORT, databasePath: file, env, logFile: path.join(dir, 'server.log') });
  users = await Promise.all(users.map(async (u) => ({ ...u, cookie: await signIn(server!.url, u.email, PASSWORD) })));
});

afterAll(async () => {
  await server?.stop('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** One client: grades until the server goes away, recording what the server acknowledged. */
async function gradeUntilDown(url: string, index: number, acks: Ack[]): Promise<void> {
  for (let n = 0; ; n++) {
    const user = users[(index + n) % users.length] as (typeof users)[number];
    const clientId = randomUUID();
    const entry = { clientId, cardId: cards[Math.floor(Math.random() * cards.length)], grade: 1 + Math.floor(Math.random() * 4), reviewedAt: Date.now(), durationMs: 1500 };
    let response: Response;
    try {
      // Origin as a browser sends it: the route refuses requests that do not come from our own pages.
      response = await fetch(`${url}/api/reviews`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: user.cookie, origin: new URL(url).origin }, body: JSON.stringify({ reviews: [entry] }) });
    } catch {
      return; // connection refused or reset: the server is gone
    }
    if (response.status !== 200) continue;
    const body = (await response.json().catch(() => null)) as { results?: { clientId: string; status: string }[] } | null;
    const result = body?.results?.[0];
    if (result && (result.status === 'recorded' || result.status === 'duplicate')) acks.push({ userId: user.id, clientId, cardId: entry.cardId as number, status: result.status });
  }
}

describe('a SIGKILL while 32 clients grade', () => {
  it('keeps every acknowledged grade exactly once, an intact file, and a server that starts again', async () => {
    const running = server as RunningServer;
    const acks: Ack[] = [];
    const clients = Array.from({ length: CLIENTS }, (_, i) => gradeUntilDown(running.url, i, acks));
    // Let grading get going, then pull the plug mid-stream.
    const start = Date.now();
    while (acks.length < 300 && Date.now() - start < 20_000) await new Promise((r) => setTimeout(r, 50));
    await running.stop('SIGKILL');
    await Promise.all(clients);
    expect(acks.length).toBeGreaterThanOrEqual(300);

    server = await startServer({ port: PORT, databasePath: file, env, logFile: path.join(dir, 'server.log') });
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);

    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const count = db.prepare('SELECT count(*) AS n FROM review_logs WHERE user_id = ? AND client_id = ?');
      const missingOrDoubled = acks.filter((a) => (count.get(a.userId, a.clientId) as { n: number }).n !== 1);
      expect(missingOrDoubled).toEqual([]);
      const rows = (db.prepare('SELECT count(*) AS n FROM review_logs').get() as { n: number }).n;
      console.log(`${acks.length} grades acknowledged before the SIGKILL, all present once; ${rows - acks.length} more were committed but not yet acknowledged`);
      // The card states written with those grades are the replay of the logs that survived.
      // The server's scheduler for a user with default settings (fuzz on: it is seeded, so replay is exact).
      const scheduler: SchedulerSettings = { desiredRetention: 0.9, maximumInterval: 36500, enableFuzz: true };
      const touched = db.prepare('SELECT DISTINCT user_id AS userId, card_id AS cardId FROM review_logs').all() as { userId: number; cardId: number }[];
      const log = db.prepare('SELECT rating, reviewed_at AS at FROM review_logs WHERE user_id = ? AND card_id = ? AND undone_at IS NULL');
      const state = db.prepare('SELECT due, reps FROM card_states WHERE user_id = ? AND card_id = ?');
      const diverged = touched.filter(({ userId, cardId }) => {
        const replayed = replayLog((log.all(userId, cardId) as { rating: Grade; at: number }[]).map((r) => ({ grade: r.rating, reviewedAt: new Date(r.at) })), scheduler);
        const row = state.get(userId, cardId) as { due: number; reps: number } | undefined;
        return row?.due !== replayed?.due.getTime() || row?.reps !== replayed?.reps;
      });
      expect(diverged).toEqual([]);
    } finally {
      db.close();
    }

    // Sending an acknowledged grade again after the restart is recognised, not recorded twice (the same grade:
    // its id with another card is a different claim, which the batch rejects).
    const again = acks[0] as Ack;
    const user = users.find((u) => u.id === again.userId) as (typeof users)[number];
    const resend = await fetch(`${server.url}/api/reviews`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: user.cookie, origin: new URL(server.url).origin },
      body: JSON.stringify({ reviews: [{ clientId: again.clientId, cardId: again.cardId, grade: 3, reviewedAt: Date.now(), durationMs: 1 }] }),
    });
    expect(resend.status).toBe(200);
    expect(((await resend.json()) as { results: { status: string }[] }).results[0]?.status).toBe('duplicate');
  });
});
