// `npm run test:reliability`: tests that run the built server as a separate process (crash and
// restart). Kept out of the default vitest projects because they need `next build` first.
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  resolve: { alias: { '@': root } },
  test: {
    root,
    include: ['tests/reliability/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 60_000,
    // The first run builds the app.
    hookTimeout: 400_000,
  },
});
