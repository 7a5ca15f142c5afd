import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT || 3200);
export const baseURL = `http://localhost:${PORT}`;
/** The same app on PostgreSQL (scripts/e2e-server.mjs --postgres), for the desktop-pg project. */
const PG_PORT = PORT + 5;

/**
 * The specs that also run on PostgreSQL (issue 18's "one e2e pass"): every one but those that write
 * into the SQLite e2e file directly (seed-history.ts: a student with months of history; extensions).
 */
const ON_POSTGRES = [
  'auth', 'authoring', 'card-reports', 'deck-lint', 'import-round-trip', 'import-twice', 'invitations',
  'password-reset', 'password', 'progress', 'rejoin', 'teach', 'try-answer',
  // These look into the database through tests/e2e/db.ts, which reads whichever engine the project's server uses.
  // Not email-verification: it starts a server of its own on the SQLite file.
  'assignment-quiz', 'csp', 'offline-typed', 'offline', 'overrule', 'quiz-overrule-request', 'quiz', 'responses',
  'review-keys', 'review', 'sync', 'hostile', 'security',
  // Pages full of data: seed-history.ts writes months of history into either engine.
  'a11y', 'account', 'student-detail',
].map((name) => `**/${name}.spec.ts`);

const chromium = {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  // In CI a test that passes only on its retry is reported as flaky and fails the run: a flake is a bug to fix, not to hide.
  failOnFlakyTests: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: { baseURL, trace: 'retain-on-failure', launchOptions: chromium },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 }, launchOptions: chromium } },
    {
      name: 'phone',
      use: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, userAgent: devices['Pixel 7'].userAgent, launchOptions: chromium },
    },
    {
      name: 'desktop-pg',
      testMatch: ON_POSTGRES,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 }, launchOptions: chromium, baseURL: `http://localhost:${PG_PORT}` },
    },
  ],
  webServer: [
    {
      command: 'node scripts/e2e-server.mjs',
      url: `${baseURL}/api/health`,
      // next build runs first; on a busy 2-core machine it has taken over 4 minutes.
      timeout: 480_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
      env: { PORT: String(PORT) },
    },
    {
      // Waits for the server above (it builds), then serves the same build from PostgreSQL.
      command: 'node scripts/e2e-server.mjs --postgres',
      url: `http://localhost:${PG_PORT}/api/health`,
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
      env: { PORT: String(PG_PORT), E2E_PRIMARY_URL: baseURL },
    },
  ],
});
