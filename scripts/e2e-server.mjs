// Starts the app for end-to-end tests on a fresh database file, with demo users and content,
// and the test clock enabled (tests write an offset to data/e2e-clock to simulate later days).
// Mail goes over real SMTP to a server this script starts (scripts/e2e-smtp-inbox.mjs).
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { startSmtpInbox } from './e2e-smtp-inbox.mjs';

mkdirSync('data', { recursive: true });
for (const f of ['data/e2e.db', 'data/e2e.db-wal', 'data/e2e.db-shm']) rmSync(f, { force: true });
writeFileSync('data/e2e-clock', '0');
const inbox = await startSmtpInbox();
const child = spawn('npx', ['tsx', 'scripts/start.mts'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    DATABASE_PATH: 'data/e2e.db',
    DEMO_USERS: '1',
    APP_TEST_CLOCK_FILE: 'data/e2e-clock',
    APP_ALLOW_TEST_CLOCK: '1',
    HOST: '127.0.0.1',
    SMTP_URL: inbox.url,
    MAIL_FROM: 'Recall <recall@e2e.test>',
  },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
