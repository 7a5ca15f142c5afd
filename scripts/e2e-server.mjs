// Starts the app for end-to-end tests on a fresh database file, with demo users and content,
// and the test clock enabled (tests write an offset to data/e2e-clock to simulate later days).
// Mail goes over real SMTP to a server this script starts (scripts/e2e-smtp-inbox.mjs).
//
// With --postgres (the desktop-pg project, issue 18): the same app on PostgreSQL instead, on a
// throwaway cluster of its own (scripts/pg-throwaway.mts), removed when this script is stopped.
// It waits for the SQLite server (E2E_PRIMARY_URL) to answer first: that one builds the app, and
// its mail inbox serves both.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { startSmtpInbox } from './e2e-smtp-inbox.mjs';

const postgres = process.argv.includes('--postgres');
mkdirSync('data', { recursive: true });

async function waitFor(url) {
  for (let i = 0; i < 2400; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer`);
}

/** Starts a throwaway PostgreSQL cluster; resolves with its URL and the process that removes it on exit. */
function startCluster() {
  const cluster = spawn('npx', ['tsx', 'scripts/pg-throwaway.mts'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    cluster.stdout.on('data', (chunk) => {
      out += chunk;
      const url = /^(postgres:\/\/\S+)$/m.exec(out)?.[1];
      if (url) resolve({ url, cluster });
    });
    cluster.on('exit', (code) => reject(new Error(`the PostgreSQL cluster exited (${code})`)));
  });
}

let env;
let cluster;
if (postgres) {
  await waitFor(`${process.env.E2E_PRIMARY_URL}/api/health`);
  const started = await startCluster();
  cluster = started.cluster;
  // For tests/e2e/db.ts: the desktop-pg specs look into this database.
  mkdirSync('data/e2e-pg', { recursive: true });
  writeFileSync('data/e2e-pg/url', started.url);
  env = {
    DATABASE_URL: started.url,
    // Files next to the database (mail .eml fallback, backups) go under data/e2e-pg/.
    DATABASE_PATH: 'data/e2e-pg/unused.db',
    SMTP_URL: readFileSync('data/e2e-inbox/smtp-url', 'utf8').trim(),
  };
} else {
  for (const f of ['data/e2e.db', 'data/e2e.db-wal', 'data/e2e.db-shm']) rmSync(f, { force: true });
  writeFileSync('data/e2e-clock', '0');
  const inbox = await startSmtpInbox();
  env = { DATABASE_PATH: 'data/e2e.db', SMTP_URL: inbox.url };
}
const child = spawn('npx', ['tsx', 'scripts/start.mts'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    ...env,
    DEMO_USERS: '1',
    APP_TEST_CLOCK_FILE: 'data/e2e-clock',
    APP_ALLOW_TEST_CLOCK: '1',
    HOST: '127.0.0.1',
    MAIL_FROM: 'Recall <recall@e2e.test>',
  },
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    child.kill(signal);
    cluster?.kill('SIGTERM');
  });
}
child.on('exit', (code) => {
  cluster?.kill('SIGTERM');
  process.exit(code ?? 0);
});
