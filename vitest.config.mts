import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

/** tests/integration files that also run on PostgreSQL (the integration-on-pg project below); one per line. */
const ON_BOTH_ENGINES = [
  'tests/integration/accounts-admin.test.ts',
  'tests/integration/quiz-engines.test.ts',
  // classes and accounts (eng-classes)
  'tests/integration/sessions.test.ts',
  // The authoring group (deck writer, editor, CSV and deck-file import):
  'tests/integration/csv-round-trip.test.ts',
  'tests/integration/deck-upload.test.ts',
  'tests/integration/demo.test.ts',
  // accounts: the mail outbox
  'tests/integration/mail.test.ts',
  // moved onto the engine (direct reads and writes in the tests through tests/support/fixtures.ts exec/countOf)
  'tests/integration/assignment-facts-decode.test.ts',
  'tests/integration/class-analytics.test.ts',
  'tests/integration/student-detail.test.ts',
  'tests/integration/session-cache.test.ts',
  'tests/integration/email-verification.test.ts',
  'tests/integration/hostile-actions.test.ts',
  'tests/integration/assignment-quiz.test.ts',
  'tests/integration/data-export.test.ts',
  'tests/integration/password-reset.test.ts',
  'tests/integration/hostile-input.test.ts',
  'tests/integration/quizzes.test.ts',
  'tests/integration/quiz-overrules.test.ts',
  'tests/integration/class-calibration.test.ts',
  'tests/integration/extensions.test.ts',
  'tests/integration/fsrs-fit-runs.test.ts',
  'tests/integration/join-class.test.ts',
  'tests/integration/quiz-verdict.test.ts',
  'tests/integration/response-analysis.test.ts',
  'tests/integration/teach-authorization.test.ts',
  'tests/integration/progress-actions.test.ts',
  'tests/integration/quiz-enrolment.test.ts',
  'tests/integration/quiz-new-limit.test.ts',
  'tests/integration/student-classes.test.ts',
  'tests/integration/reviews.test.ts',
  'tests/integration/review-batch.test.ts',
  'tests/integration/typed-answers.test.ts',
  'tests/integration/races.test.ts',
  'tests/integration/queue-counts.test.ts',
  'tests/integration/progress.test.ts',
  'tests/integration/progress-reference.test.ts',
  'tests/integration/account-deletion.test.ts',
  'tests/integration/card-reports.test.ts',
  'tests/integration/invitations.test.ts',
  'tests/integration/authoring.test.ts',
  'tests/integration/seed.test.ts',
  'tests/integration/fsrs-undo-after-refit.test.ts',
  'tests/integration/fsrs-fit.test.ts',
];

export default defineConfig({
  resolve: {
    alias: {
      '@': root,
      // server-only throws outside a React Server environment; tests call the data layer directly.
      'server-only': fileURLToPath(new URL('./tests/support/server-only-stub.ts', import.meta.url)),
    },
  },
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          setupFiles: ['tests/support/integration-setup.ts'],
          testTimeout: 20_000,
          // Several files load the real deck and write a long history in beforeAll: on a loaded 2-core machine that passed 10 s.
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          // Integration files that run on both engines (issue 18): each also runs here on a fresh
          // PostgreSQL database of its own. A file qualifies once everything it calls is on the engine
          // (db/engine) and its fixtures come from tests/support/fixtures.ts; add it to ON_BOTH_ENGINES.
          name: 'integration-on-pg',
          include: ON_BOTH_ENGINES,
          environment: 'node',
          pool: 'forks',
          globalSetup: ['tests/support/pg-global-setup.ts'],
          setupFiles: ['tests/support/integration-setup.ts', 'tests/support/integration-on-pg-setup.ts'],
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          // The same kind of tests on PostgreSQL: one throwaway cluster per run (Debian's postgresql), a database per file.
          name: 'integration-pg',
          include: ['tests/integration-pg/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          globalSetup: ['tests/support/pg-global-setup.ts'],
          setupFiles: ['tests/support/integration-setup.ts'],
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
