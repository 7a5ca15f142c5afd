/**
 * `npm start`: everything a fresh clone needs to run the app.
 * Writes an AUTH_SECRET to .env.local if none is set, applies migrations, loads content/,
 * creates demo accounts on an empty default database (SQLite's data/app.db, or the PostgreSQL
 * database of DATABASE_URL=postgres://…), builds if the build is missing or stale,
 * then runs the app (scripts/serve.mjs: Next.js with the socket address kept for TRUST_PROXY) and
 * prints the URL and the demo credentials.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_ACCOUNTS, ensureDemoUsers } from '../db/demo';
import { databasePath } from '../db/connection';
import { openEngine } from '../db/engine/open';
import { isPostgresUrl } from '../db/pg/connection';
import { describeLoad, loadContentDir } from '../db/seed';
import { buildIfNeeded } from './lib/build';
import { serverNodeOptions } from './lib/server-heap';

const root = process.cwd();
const port = process.env.PORT || '3000';
const host = process.env.HOST || '0.0.0.0';

function ensureAuthSecret(): void {
  const envFile = path.join(root, '.env.local');
  const text = existsSync(envFile) ? readFileSync(envFile, 'utf8') : '';
  const fromFile = /^AUTH_SECRET=(.+)$/m.exec(text)?.[1];
  if (process.env.AUTH_SECRET || fromFile) {
    process.env.AUTH_SECRET ||= fromFile;
    return;
  }
  const secret = randomBytes(32).toString('base64url');
  appendFileSync(envFile, `${text && !text.endsWith('\n') ? '\n' : ''}AUTH_SECRET=${secret}\n`);
  process.env.AUTH_SECRET = secret;
  console.log('Generated AUTH_SECRET into .env.local');
}

/** The PostgreSQL URL without its password, for the log. */
function redacted(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

async function prepareDatabase(): Promise<{ joinCode: string | null; where: string }> {
  const url = process.env.DATABASE_URL;
  const onPostgres = isPostgresUrl(url);
  const where = onPostgres ? redacted(url) : databasePath();
  const engine = await openEngine(process.env, { applicationName: 'recall-start' });
  try {
    for (const line of describeLoad(await loadContentDir(engine, path.join(root, 'content')))) console.log(line);
    // Demo accounts only on the default database (data/app.db, or PostgreSQL without users), never on a SQLite file chosen with DATABASE_PATH.
    const isDefault = onPostgres || !process.env.DATABASE_PATH || process.env.DEMO_USERS === '1';
    const joinCode = isDefault ? await ensureDemoUsers(engine) : null;
    return { joinCode, where };
  } finally {
    await engine.close();
  }
}

async function waitUntilHealthy(url: string): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

ensureAuthSecret();
const { joinCode: demoJoinCode, where } = await prepareDatabase();
buildIfNeeded();

const server = spawn(process.execPath, [path.join(root, 'scripts', 'serve.mjs')], {
  stdio: 'inherit',
  env: { ...process.env, PORT: port, HOST: host, NODE_ENV: 'production', AUTH_TRUST_HOST: 'true', NODE_OPTIONS: serverNodeOptions() },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));

const url = `http://localhost:${port}`;
if (await waitUntilHealthy(url)) {
  console.log(`\n  Ready: ${url}   (database: ${where})`);
  console.log(demoJoinCode ? '  Demo accounts created:' : '  Demo accounts (if this database was created by npm start):');
  for (const a of DEMO_ACCOUNTS) console.log(`    ${a.role.padEnd(10)} ${a.email}  /  ${a.password}`);
  if (demoJoinCode) console.log(`  Demo class "POLS 210" (the student is enrolled; the article is assigned), join code ${demoJoinCode}`);
  console.log('  Make an instructor: npm run user -- create --role instructor --email you@school.edu --name "Your Name"\n');
}
