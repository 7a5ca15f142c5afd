/**
 * `npm run db:backup`: an online backup of DATABASE_PATH (default data/app.db) into
 * data/backups/app-<timestamp>.db while the app keeps running (SQLite's backup API copies a
 * consistent snapshot; writes made during the copy wait for the next backup). Prints the path.
 */
import path from 'node:path';
import { backupDatabase } from '../db/backup';
import { databasePath } from '../db/connection';

const source = databasePath();
const dir = path.resolve(process.env.BACKUP_DIR || 'data/backups');
try {
  const { file, bytes } = await backupDatabase(source, dir);
  console.log(file);
  console.error(`Backed up ${source} (${(bytes / 1e6).toFixed(1)} MB, integrity ok)`);
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
