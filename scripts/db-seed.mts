/** `npm run db:seed`: loads every deck under content/ (idempotent), on SQLite or on PostgreSQL (DATABASE_URL=postgres://…). */
import path from 'node:path';
import { databasePath } from '../db/connection';
import { openEngine } from '../db/engine/open';
import { isPostgresUrl } from '../db/pg/connection';
import { ContentError, describeLoad, loadContentDir } from '../db/seed';

const engine = await openEngine(process.env, { applicationName: 'recall-seed' });
const where = isPostgresUrl(process.env.DATABASE_URL) ? 'PostgreSQL (DATABASE_URL)' : databasePath();
try {
  for (const line of describeLoad(await loadContentDir(engine, path.resolve('content')))) console.log(line);
  console.log(`Content loaded into ${where}`);
} catch (error) {
  console.error(error instanceof ContentError ? error.message : error);
  process.exitCode = 1;
} finally {
  await engine.close();
}
