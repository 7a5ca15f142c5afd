// drizzle-kit for the PostgreSQL schema: `npm run db:generate:pg` after editing db/schema.pg.ts
// (keep it in step with db/schema.ts; tests/unit/schema-parity.test.ts checks).
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema.pg.ts',
  out: './db/migrations-pg',
  // Only `drizzle-kit migrate/studio/push` connect; `generate` compares with the committed snapshots.
  dbCredentials: { url: process.env.DATABASE_URL ?? 'postgres://localhost/recall' },
});
