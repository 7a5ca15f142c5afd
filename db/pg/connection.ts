/**
 * Opens a PostgreSQL database (DATABASE_URL=postgres://…) as Drizzle over a node-postgres Pool,
 * with db/schema.pg.ts, and applies the committed migrations of db/migrations-pg.
 * The PostgreSQL counterpart of db/connection.ts; nothing in the app serves from it yet.
 */
import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import path from 'node:path';
import * as schema from '../schema.pg';

export type PgDb = NodePgDatabase<typeof schema> & { $client: pg.Pool };

const INT8_OID = 20;
const NUMERIC_OID = 1700;

function safeNumber(text: string): number {
  const n = Number(text);
  // Thrown inside a row parser, node-postgres fails that query with this error (it does not crash).
  if (!Number.isFinite(n) || (Number.isInteger(n) && !Number.isSafeInteger(n))) throw new RangeError(`${text} does not fit a JavaScript number`);
  return n;
}

// node-postgres returns int8 (count(*), sum(integer), every bigint column: our epoch-ms times) and
// numeric (sum(bigint), avg) as strings, so a `sql<number>` would be a string at run time. Every
// such value here fits a double: read them as numbers. Drizzle's node-postgres driver passes its
// own per-query parsers that fall back to pg's global ones, so the parsers have to be global;
// this process has no other PostgreSQL client that could want strings.
pg.types.setTypeParser(INT8_OID, safeNumber);
pg.types.setTypeParser(NUMERIC_OID, safeNumber);

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//i.test(url);
}

export function openPgDatabase(url: string, options: { max?: number; applicationName?: string } = {}): PgDb {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, application_name: options.applicationName ?? 'recall' });
  // An idle client's connection can drop (server restart, failover): the pool replaces it, but an
  // 'error' event without a listener would end the process.
  pool.on('error', (error) => console.error('PostgreSQL idle client error:', error.message));
  return drizzle(pool, { schema }) as PgDb;
}

export function pgMigrationsFolder(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.PG_MIGRATIONS_DIR || 'db/migrations-pg');
}

// Any fixed 64-bit key: app servers that start together queue on it instead of racing the migrator.
const MIGRATION_LOCK = 1_805_318_018;

/** Applies pending migrations; a no-op when the database is up to date. Safe with several servers starting at once. */
export async function applyPgMigrations(db: PgDb): Promise<void> {
  const client = await db.$client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await migrate(db, { migrationsFolder: pgMigrationsFolder() });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

/** Opens the database and brings its schema up to date: what a server does at start. */
export async function connectPg(url: string, options?: { max?: number; applicationName?: string }): Promise<PgDb> {
  // Migrations on a pool of their own: the advisory lock holds one connection while the migrator
  // runs on another, so a caller's one-connection pool would wait for itself.
  const migrator = openPgDatabase(url, { max: 2, applicationName: options?.applicationName });
  try {
    await applyPgMigrations(migrator);
  } finally {
    await migrator.$client.end();
  }
  return openPgDatabase(url, options);
}
