/**
 * `npm run db:copy-to-pg -- [sqlite-file] [postgres-url]`: moves a deployment from the embedded
 * SQLite file to PostgreSQL. Copies every row (db/pg/copy-from-sqlite.ts) into a database that is
 * migrated here and must be empty. Defaults: DATABASE_PATH (or data/app.db) and DATABASE_URL.
 * Stop the app first (a copy of a file being written to would miss the last grades).
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { databasePath } from '../db/connection';
import { connectPg, isPostgresUrl } from '../db/pg/connection';
import { copySqliteToPg } from '../db/pg/copy-from-sqlite';

const file = process.argv[2] || databasePath({ DATABASE_PATH: process.env.DATABASE_PATH });
const url = process.argv[3] || process.env.DATABASE_URL;
if (!existsSync(file)) {
  console.error(`No SQLite file at ${file}.`);
  process.exit(2);
}
if (!isPostgresUrl(url)) {
  console.error('Usage: npm run db:copy-to-pg -- [sqlite-file] postgres://user@host/db (or set DATABASE_URL)');
  process.exit(2);
}
const sqlite = new Database(file, { readonly: true, fileMustExist: true });
const pg = await connectPg(url, { max: 1, applicationName: 'recall-copy' });
try {
  const started = Date.now();
  const report = await copySqliteToPg(sqlite, pg);
  for (const { table, rows } of report) if (rows > 0) console.log(`${table.padEnd(28)} ${rows}`);
  console.log(`Copied ${report.reduce((n, r) => n + r.rows, 0)} rows from ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
} finally {
  sqlite.close();
  await pg.$client.end();
}
