/**
 * `npm run db:restore -- <backup file>`: puts a backup in place of DATABASE_PATH (default data/app.db).
 * STOP THE APP FIRST: a running server keeps the old file open and would go on writing to it.
 * The backup is checked (PRAGMA integrity_check) before anything is touched; the current database
 * is kept next to it as <name>.before-restore-<timestamp>.
 */
import { databasePath } from '../db/connection';
import { restoreDatabase } from '../db/backup';

const backup = process.argv[2];
if (!backup) {
  console.error('Usage: npm run db:restore -- <backup file>   (stop the app first)');
  process.exit(2);
}
try {
  const { target, previous } = restoreDatabase(backup, databasePath());
  console.log(`Restored ${backup} into ${target}${previous ? `; the previous database is kept as ${previous}` : ''}.`);
} catch (error) {
  console.error(`Restore refused: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
