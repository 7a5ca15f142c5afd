/**
 * Opens a SQLite file with the settings every process of the app relies on.
 * Shared by the app's client (db/index.ts), scripts and tests, so they behave alike.
 */
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { registerRecallAt } from './recall-function';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_DATABASE_PATH = 'data/app.db';

/** DATABASE_PATH, else a DATABASE_URL that is a file path (`file:` optional; postgres:// URLs are PostgreSQL's), else data/app.db. */
export function databasePath(env: Record<string, string | undefined> = process.env): string {
  const url = env.DATABASE_URL;
  const fromUrl = url && !/^postgres(ql)?:\/\//i.test(url) ? url.replace(/^file:/, '') : undefined;
  return path.resolve(/*turbopackIgnore: true*/ env.DATABASE_PATH || fromUrl || DEFAULT_DATABASE_PATH);
}

export function openDatabase(file: string = databasePath()): Db {
  mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  // FULL: a review the app has acknowledged survives a power cut, not only a process crash.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 32 MB of page cache instead of SQLite's 2 MB: a heavy user's Today touches ~10 MB of cards and
  // card states, which otherwise go back to the OS on every render.
  sqlite.pragma('cache_size = -32000');
  registerRecallAt(sqlite);
  return drizzle(sqlite, { schema }) as Db;
}

export function migrationsFolder(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.MIGRATIONS_DIR || 'db/migrations');
}

/** Applies pending migrations; a no-op when the file is up to date. */
export function applyMigrations(db: Db): void {
  migrate(db, { migrationsFolder: migrationsFolder() });
}
