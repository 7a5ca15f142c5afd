/**
 * An engine of its own for a script or a test process (not the app's: that is db/engine/index.ts),
 * chosen by DATABASE_URL like the app's, migrated before it is returned.
 */
import { applyMigrations, openDatabase } from '../connection';
import { connectPg, isPostgresUrl } from '../pg/connection';
import { postgresEngine } from './postgres';
import { sqliteEngine } from './sqlite';
import type { Engine } from './types';

export async function openEngine(env: Record<string, string | undefined> = process.env, options: { applicationName?: string } = {}): Promise<Engine> {
  const url = env.DATABASE_URL;
  if (isPostgresUrl(url)) return postgresEngine(await connectPg(url, { applicationName: options.applicationName ?? 'recall-script' }));
  const db = openDatabase();
  applyMigrations(db);
  const engine = sqliteEngine(db);
  return {
    ...engine,
    close: async () => {
      await engine.close();
      db.$client.close();
    },
  };
}
