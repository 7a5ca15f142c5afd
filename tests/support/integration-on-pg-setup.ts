// Setup of the integration-on-pg project (after integration-setup.ts): the file's engine is
// PostgreSQL, on a fresh database of its own on the run's throwaway cluster, migrated when the
// engine first opens it. DATABASE_PATH (a temp file, from integration-setup.ts) stays set so that
// code not yet on the engine fails on an empty SQLite file instead of touching data/app.db.
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createTestDatabase } from './pg-database';

process.env.DATABASE_URL = await createTestDatabase(inject('pgUrl'), `suite_${randomBytes(4).toString('hex')}`);
