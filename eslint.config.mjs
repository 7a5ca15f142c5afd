import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

// The layers (README "How the code is laid out"): imports flow app → components → lib and
// app → db → lib, never back up. An import is named by the alias (`@/db/...`) or by a relative
// path (`../db/...`); both spellings are caught.
const layer = (dirs) => `^(@/|(\\.\\./)+|\\./)(${dirs.join('|')})(/|$)`;
// The Auth.js setup and the proxy are files at the root, reached by their alias only: a relative
// `./auth` inside lib/ or db/ is a sibling (lib/validation/auth.ts), not the root's auth.ts.
const ROOT_FILES = '^@/(auth|auth\\.config|proxy)$';
const restricted = (patterns) => ['error', { patterns }];

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: ['.next/**', 'node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', 'db/migrations/**', 'db/migrations-pg/**'],
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // A promise nobody awaits loses its error (a grade that failed to save, said nowhere).
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // The service worker is typed by its own project (WebWorker globals, no DOM).
    files: ['app/sw.ts'],
    languageOptions: { parserOptions: { projectService: false, project: './tsconfig.sw.json', tsconfigRootDir: import.meta.dirname } },
  },
  {
    files: ['lib/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restricted([
        { regex: layer(['app', 'db', 'components']), message: 'lib/ is plain TypeScript: it imports nothing from app/, db/, components/ or the Auth.js setup.' },
        { regex: ROOT_FILES, message: 'lib/ is plain TypeScript: it imports nothing from app/, db/, components/ or the Auth.js setup.' },
        { regex: '^(react|react-dom|next)(/|$)', message: 'lib/ is plain TypeScript: no React or Next.js.' },
      ]),
    },
  },
  {
    // Components get server actions as props from the page and data from the page's queries; the
    // types they share with app/ live in lib/ (lib/actions/result.ts). Types of query results may
    // be imported from db/ (they describe the props), values may not.
    files: ['components/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restricted([
        { regex: layer(['app']), message: 'components/ are below app/: take the server action as a prop from the page (types shared with app/ live in lib/).' },
        { regex: ROOT_FILES, message: 'components/ are below app/: the session reaches them as props from the page.' },
        { regex: layer(['db']), allowTypeImports: true, message: 'components/ do not query: the page reads the data and passes it as props (types from db/ are fine).' },
      ]),
    },
  },
  {
    files: ['db/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restricted([
        { regex: layer(['app', 'components']), message: 'db/ is below app/: who is asking reaches a query as an argument, never by importing the session.' },
        { regex: ROOT_FILES, message: 'db/ is below app/: who is asking reaches a query as an argument, never by importing the session.' },
      ]),
      // Inside a transaction every statement goes through its `tx`. A call to engine() there runs outside it: on
      // SQLite that statement queues behind the open transaction that is waiting for it (a deadlock); on
      // PostgreSQL it runs on another connection and sees none of the transaction's writes.
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='transaction'] CallExpression[callee.name='engine']",
          message: 'Use the transaction\'s tx inside db.transaction(...): engine() here runs outside the transaction (a deadlock on SQLite).',
        },
      ],
    },
  },
];

export default config;
