/** `npm run db:seed`: loads every deck under content/ (idempotent). */
import path from 'node:path';
import { applyMigrations, databasePath, openDatabase } from '../db/connection';
import { ContentError, describeLoad, loadContentDir } from '../db/seed';

const db = openDatabase();
applyMigrations(db);
try {
  for (const line of describeLoad(loadContentDir(db, path.resolve('content')))) console.log(line);
  console.log(`Content loaded into ${databasePath()}`);
} catch (error) {
  console.error(error instanceof ContentError ? error.message : error);
  process.exitCode = 1;
} finally {
  db.$client.close();
}
