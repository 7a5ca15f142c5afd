// Moving a SQLite deployment to PostgreSQL (db/pg/copy-from-sqlite.ts): every row, same ids,
// flags as booleans, JSON as jsonb, sequences past the copied ids, refused into a non-empty database.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createUser } from '@/db/admin/users';
import { applyMigrations, openDatabase, type Db } from '@/db/connection';
import { postgresEngine } from '@/db/engine/postgres';
import { flag, int, jsonText } from '@/db/engine/rows';
import { sqliteEngine } from '@/db/engine/sqlite';
import type { Engine } from '@/db/engine/types';
import { copySqliteToPg } from '@/db/pg/copy-from-sqlite';
import type { PgDb } from '@/db/pg/connection';
import { loadContentDir } from '@/db/seed';
import { cards, cardStates, users } from '@/db/schema';
import { migratedTestDatabase } from '../support/pg-database';

let sqlite: Db;
let pg: PgDb;
let target: Engine;
let userId: number;

beforeAll(async () => {
  sqlite = openDatabase(path.join(mkdtempSync(path.join(tmpdir(), 'srs-copy-')), 'app.db'));
  applyMigrations(sqlite);
  await loadContentDir(sqliteEngine(sqlite), path.resolve('content'), path.resolve('..', 'shared', 'source'));
  userId = (await createUser(sqliteEngine(sqlite), { email: 'copy@test.example', name: 'Copy', password: 'a long enough password' })).id;
  const card = (sqlite.$client.prepare("SELECT id FROM cards WHERE deck_id = 'war-for-peace' ORDER BY position LIMIT 1").get() as { id: number }).id;
  sqlite.$client
    .prepare('INSERT INTO card_states (user_id, card_id, due, stability, difficulty, scheduled_days, learning_steps, reps, lapses, state, last_review, suspended, leech, updated_at) VALUES (?, ?, 5, 2.5, 5, 1, 0, 1, 0, 2, 1, 1, 0, 1)')
    .run(userId, card);
  ({ db: pg } = await migratedTestDatabase('copy'));
  target = postgresEngine(pg);
});
afterAll(async () => {
  sqlite?.$client.close();
  await target?.close();
});

describe('copying SQLite into PostgreSQL', () => {
  it('copies every table row for row and keeps ids, flags and JSON', async () => {
    const report = await copySqliteToPg(sqlite.$client, pg, { batchRows: 7 });
    const count = (table: string) => (sqlite.$client.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
    for (const { table, rows } of report) expect({ table, rows }).toEqual({ table, rows: count(table) });
    expect(report.find((r) => r.table === 'cards')?.rows).toBeGreaterThan(100);

    const state = await target.get(
      sql`SELECT ${cardStates.suspended} AS "suspended", ${cardStates.leech} AS "leech", ${cardStates.stability} AS "stability" FROM ${cardStates} WHERE ${cardStates.userId} = ${userId}`,
      z.object({ suspended: flag, leech: flag, stability: z.number() }),
    );
    expect(state).toEqual({ suspended: true, leech: false, stability: 2.5 });
    const first = sqlite.$client.prepare("SELECT id, payload FROM cards WHERE deck_id = 'war-for-peace' ORDER BY position LIMIT 1").get() as { id: number; payload: string };
    const copied = await target.get(
      sql`SELECT ${cards.id} AS "id", ${target.fragments.jsonText(cards.payload)} AS "payload", jsonb_typeof(${cards.payload}) AS "kind" FROM ${cards} WHERE ${cards.id} = ${first.id}`,
      z.object({ id: int, payload: jsonText(z.record(z.string(), z.unknown())), kind: z.string() }),
    );
    expect(copied).toEqual({ id: first.id, payload: JSON.parse(first.payload), kind: 'object' });

    // The next user gets an id past the copied ones, not a clash with them.
    const next = await createUser(target, { email: 'after-copy@test.example', name: 'After', password: 'a long enough password' });
    expect(next.id).toBeGreaterThan(userId);
    expect((await target.get(sql`SELECT count(*) AS "n" FROM ${users}`, z.object({ n: int })))?.n).toBe(2);
  });

  it('refuses to copy into a database that already has rows, and writes nothing', async () => {
    await expect(copySqliteToPg(sqlite.$client, pg)).rejects.toThrow(/not empty/);
    expect((await target.get(sql`SELECT count(*) AS "n" FROM ${users}`, z.object({ n: int })))?.n).toBe(2);
  });
});
