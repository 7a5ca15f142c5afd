/**
 * The app's engine, chosen once per process by DATABASE_URL: unset or a file path → SQLite on the
 * one db client (db/index.ts, DATABASE_PATH); `postgres://…` → PostgreSQL, migrated at first use.
 */
import 'server-only';
import { isPostgresUrl } from '../pg/connection';
import type { Engine } from './types';

const globalForEngine = globalThis as unknown as { appEngine?: Promise<Engine> };

async function open(): Promise<Engine> {
  const url = process.env.DATABASE_URL;
  if (isPostgresUrl(url)) {
    const [{ connectPg }, { postgresEngine }] = await Promise.all([import('../pg/connection'), import('./postgres')]);
    return postgresEngine(await connectPg(url, { applicationName: 'recall-app' }));
  }
  const [{ db }, { sqliteEngine }] = await Promise.all([import('../index'), import('./sqlite')]);
  // recall_at() is a JavaScript function on SQLite, registered on this connection (PostgreSQL has it
  // as a SQL function, db/migrations-pg/0001): the queries that call it need not import it.
  await import('../recall-function');
  return sqliteEngine(db);
}

/** The engine every query of db/queries runs on. */
export function engine(): Promise<Engine> {
  globalForEngine.appEngine ??= open();
  return globalForEngine.appEngine;
}

export type { Engine, Queryable } from './types';
