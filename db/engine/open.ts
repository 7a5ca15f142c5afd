/**
 * An engine for scripts (npm start, db:seed, bench), chosen like the app's (db/engine/index.ts) by
 * DATABASE_URL but opened by the script and closed by it: SQLite (DATABASE_PATH or a file
 * DATABASE_URL, default data/app.db) with db/migrations applied, or PostgreSQL with
 * db/migrations-pg applied. No `server-only`: scripts run outside Next.
 */
import { applyMigrations, databasePath, openDatabase } from '../connection';
import { connectPg, isPostgresUrl } from '../pg/connection';
import { postgresEngine } from './postgres';
import { sqliteEngine } from './sqlite';
import type { Engine } from './types';

export interface OpenedEngine {
  engine: Engine;
  /** Where the data is, for a person: the SQLite file, or the PostgreSQL URL without its password. */
  where: string;
  /** Not a SQLite file chosen with DATABASE_PATH (PostgreSQL counts as default): where npm start creates demo accounts. */
  isDefault: boolean;
}

export function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

export async function openEngine(env: Record<string, string | undefined> = process.env, applicationName = 'recall-script'): Promise<OpenedEngine> {
  const url = env.DATABASE_URL;
  if (isPostgresUrl(url)) {
    const engine = postgresEngine(await connectPg(url, { max: 2, applicationName }));
    return { engine, where: redactedUrl(url), isDefault: true };
  }
  const db = openDatabase(databasePath(env));
  applyMigrations(db);
  const engine = sqliteEngine(db);
  return {
    engine: {
      ...engine,
      close: async () => {
        await engine.close();
        db.$client.close();
      },
    },
    where: databasePath(env),
    isDefault: !env.DATABASE_PATH,
  };
}
