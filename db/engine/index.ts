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
  // recall_at() is registered on the connection by sqliteEngine (db/recall-function.ts).
  const [{ db }, { sqliteEngine }] = await Promise.all([import('../index'), import('./sqlite')]);
  return sqliteEngine(db);
}

/** The engine every query of db/queries runs on. */
export function engine(): Promise<Engine> {
  globalForEngine.appEngine ??= open();
  return globalForEngine.appEngine;
}

export type { Engine, Queryable } from './types';
