/**
 * The app's single database client. Cached on globalThis so dev hot reloads reuse one connection.
 * Pending migrations are applied the first time a process opens it.
 */
import { applyMigrations, openDatabase, type Db } from './connection';

const globalForDb = globalThis as unknown as { appDb?: Db };

function createDb(): Db {
  const db = openDatabase();
  applyMigrations(db);
  return db;
}

export const db: Db = globalForDb.appDb ?? createDb();
globalForDb.appDb = db;

export type { Db } from './connection';
