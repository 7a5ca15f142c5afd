// db/schema.pg.ts must mirror db/schema.ts table by table and column by column, so that one set of
// typed queries can run on both engines: these fail as soon as a column, key or index is added to,
// removed from or changed in one schema only.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { is } from 'drizzle-orm';
import { getTableConfig as sqliteConfig, integer as sqliteInteger, sqliteTable, SQLiteTable, text as sqliteText } from 'drizzle-orm/sqlite-core';
import { getTableConfig as pgConfig, integer as pgInteger, pgTable, PgTable, text as pgText } from 'drizzle-orm/pg-core';
import * as sqlite from '@/db/schema';
import * as postgres from '@/db/schema.pg';
import { pgTableShape, sqliteTableShape, tablesOf } from '../support/schema-shape';

const sqliteTables = tablesOf(sqlite, (v): v is SQLiteTable => is(v, SQLiteTable), (t) => sqliteConfig(t).name);
const pgTables = tablesOf(postgres, (v): v is PgTable => is(v, PgTable), (t) => pgConfig(t).name);

describe('PostgreSQL schema mirrors the SQLite schema', () => {
  it('has the same tables', () => {
    expect(sqliteTables.size).toBeGreaterThanOrEqual(16);
    expect([...pgTables.keys()].sort()).toEqual([...sqliteTables.keys()].sort());
  });

  it.each([...sqliteTables.keys()].sort())('%s: same columns, kinds, nullability, defaults, keys, indexes and foreign keys', (name) => {
    const pgTable = pgTables.get(name);
    expect(pgTable, `no table ${name} in db/schema.pg.ts`).toBeDefined();
    expect(pgTableShape(pgTable!)).toEqual(sqliteTableShape(sqliteTables.get(name)!));
  });

  it('gives every table the same TypeScript row type on both engines', () => {
    expectTypeOf<typeof postgres.users.$inferSelect>().toEqualTypeOf<typeof sqlite.users.$inferSelect>();
    expectTypeOf<typeof postgres.userSettings.$inferSelect>().toEqualTypeOf<typeof sqlite.userSettings.$inferSelect>();
    expectTypeOf<typeof postgres.authThrottle.$inferSelect>().toEqualTypeOf<typeof sqlite.authThrottle.$inferSelect>();
    expectTypeOf<typeof postgres.sessions.$inferSelect>().toEqualTypeOf<typeof sqlite.sessions.$inferSelect>();
    expectTypeOf<typeof postgres.passwordResetTokens.$inferSelect>().toEqualTypeOf<typeof sqlite.passwordResetTokens.$inferSelect>();
    expectTypeOf<typeof postgres.classInvitations.$inferSelect>().toEqualTypeOf<typeof sqlite.classInvitations.$inferSelect>();
    expectTypeOf<typeof postgres.emailVerificationTokens.$inferSelect>().toEqualTypeOf<typeof sqlite.emailVerificationTokens.$inferSelect>();
    expectTypeOf<typeof postgres.decks.$inferSelect>().toEqualTypeOf<typeof sqlite.decks.$inferSelect>();
    expectTypeOf<typeof postgres.sections.$inferSelect>().toEqualTypeOf<typeof sqlite.sections.$inferSelect>();
    expectTypeOf<typeof postgres.cards.$inferSelect>().toEqualTypeOf<typeof sqlite.cards.$inferSelect>();
    expectTypeOf<typeof postgres.cardStates.$inferSelect>().toEqualTypeOf<typeof sqlite.cardStates.$inferSelect>();
    expectTypeOf<typeof postgres.reviewLogs.$inferSelect>().toEqualTypeOf<typeof sqlite.reviewLogs.$inferSelect>();
    expectTypeOf<typeof postgres.quizAttempts.$inferSelect>().toEqualTypeOf<typeof sqlite.quizAttempts.$inferSelect>();
    expectTypeOf<typeof postgres.quizAnswers.$inferSelect>().toEqualTypeOf<typeof sqlite.quizAnswers.$inferSelect>();
    expectTypeOf<typeof postgres.classes.$inferSelect>().toEqualTypeOf<typeof sqlite.classes.$inferSelect>();
    expectTypeOf<typeof postgres.enrollments.$inferSelect>().toEqualTypeOf<typeof sqlite.enrollments.$inferSelect>();
    expectTypeOf<typeof postgres.assignments.$inferSelect>().toEqualTypeOf<typeof sqlite.assignments.$inferSelect>();
    expectTypeOf<typeof postgres.typedAnswers.$inferSelect>().toEqualTypeOf<typeof sqlite.typedAnswers.$inferSelect>();
    expectTypeOf<typeof postgres.fsrsFits.$inferSelect>().toEqualTypeOf<typeof sqlite.fsrsFits.$inferSelect>();
    expectTypeOf<typeof postgres.cards.$inferInsert>().toEqualTypeOf<typeof sqlite.cards.$inferInsert>();
    expectTypeOf<typeof postgres.reviewLogs.$inferInsert>().toEqualTypeOf<typeof sqlite.reviewLogs.$inferInsert>();
  });
});

// The comparison itself must be able to fail: the same table on both sides, then one difference at a time.
describe('the schema comparison notices a drift', () => {
  const base = () => ({ id: sqliteInteger('id').primaryKey({ autoIncrement: true }), name: sqliteText('name').notNull() });
  const pgBase = () => ({ id: pgInteger('id').primaryKey().generatedByDefaultAsIdentity(), name: pgText('name').notNull() });

  it('sees two equal tables as equal', () => {
    expect(pgTableShape(pgTable('t', pgBase()))).toEqual(sqliteTableShape(sqliteTable('t', base())));
  });

  it.each([
    ['a column added to SQLite only', sqliteTable('t', { ...base(), extra: sqliteText('extra') }), pgTable('t', pgBase())],
    ['a column added to PostgreSQL only', sqliteTable('t', base()), pgTable('t', { ...pgBase(), extra: pgText('extra') })],
    ['a nullability change', sqliteTable('t', base()), pgTable('t', { ...pgBase(), name: pgText('name') })],
    ['a unique constraint on one side', sqliteTable('t', { ...base(), name: sqliteText('name').notNull().unique() }), pgTable('t', pgBase())],
    ['a time in a 32-bit integer', sqliteTable('t', { ...base(), seen_at: sqliteInteger('seen_at') }), pgTable('t', { ...pgBase(), seen_at: pgInteger('seen_at') })],
    ['an id that is not generated', sqliteTable('t', base()), pgTable('t', { ...pgBase(), id: pgInteger('id').primaryKey() })],
  ])('fails on %s', (_label, a, b) => {
    expect(pgTableShape(b)).not.toEqual(sqliteTableShape(a));
  });
});
