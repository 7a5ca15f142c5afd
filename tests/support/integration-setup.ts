// Each integration test file gets its own SQLite file in a temp dir, migrated on first use
// by db/index.ts, and a deterministic scheduler (no fuzz).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

process.env.DATABASE_PATH = path.join(mkdtempSync(path.join(tmpdir(), 'srs-it-')), 'app.db');
process.env.APP_FSRS_FUZZ = '0';
