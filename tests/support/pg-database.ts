/**
 * A fresh, empty database per test file on the throwaway cluster (tests/support/pg-cluster.ts),
 * so files can run in parallel and in any order. CREATE DATABASE from template0 takes ~50 ms here.
 */
import pg from 'pg';
import { inject } from 'vitest';
import { connectPg, type PgDb } from '@/db/pg/connection';

let counter = 0;

/** Creates an empty database and returns its URL (same server and credentials as `serverUrl`). */
export async function createTestDatabase(serverUrl: string, label: string): Promise<string> {
  const name = `t_${label.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}_${process.pid}_${++counter}`.slice(0, 63);
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8'`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A migrated database of its own for one test file, through the app's PostgreSQL connection module. */
export async function migratedTestDatabase(label: string, options?: { max?: number }): Promise<{ url: string; db: PgDb }> {
  const url = await createTestDatabase(inject('pgUrl'), label);
  return { url, db: await connectPg(url, options) };
}
