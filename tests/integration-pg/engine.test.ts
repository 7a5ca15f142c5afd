// The engine suite (tests/support/engine-suite.ts) on PostgreSQL: the app's engine chosen by
// DATABASE_URL, on a migrated database of this file's own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '@/db/schema.pg';
import type { PgDb } from '@/db/pg/connection';
import type { Engine } from '@/db/engine/types';
import { engineSuite, type InsertRow } from '../support/engine-suite';
import { migratedTestDatabase } from '../support/pg-database';

let pg: PgDb;
let engine: Engine;
beforeAll(async () => {
  const created = await migratedTestDatabase('engine');
  pg = created.db;
  process.env.DATABASE_URL = created.url;
  engine = await (await import('@/db/engine')).engine();
});
afterAll(async () => {
  await engine?.close();
  await pg?.$client.end();
});

const insert: InsertRow = async (table, row) => {
  const [inserted] = await pg.insert(schema[table] as typeof schema.users).values(row as never).returning();
  return (inserted as { id?: number | string } | undefined)?.id ?? 0;
};

engineSuite({ engine: () => engine, insert, notes: () => import('@/db/queries/notes') });

describe('on PostgreSQL', () => {
  it('is the engine the app chooses for a postgres:// DATABASE_URL', () => {
    expect(engine.kind).toBe('postgres');
  });
});
