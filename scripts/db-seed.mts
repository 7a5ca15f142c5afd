/** `npm run db:seed`: loads every deck under content/ (idempotent), on SQLite or on PostgreSQL (DATABASE_URL=postgres://…). */
import path from 'node:path';
import { openEngine } from '../db/engine/open';
import { ContentError, describeLoad, loadContentDir } from '../db/seed';

const { engine, where } = await openEngine(process.env, 'recall-seed');
try {
  for (const line of describeLoad(await loadContentDir(engine, path.resolve('content')))) console.log(line);
  console.log(`Content loaded into ${where}`);
} catch (error) {
  console.error(error instanceof ContentError ? error.message : error);
  process.exitCode = 1;
} finally {
  await engine.close();
}
