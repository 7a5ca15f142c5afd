/**
 * The data layer's one way to a database, whichever engine holds it: SQLite (embedded, the
 * default) or PostgreSQL (DATABASE_URL=postgres://…). Queries are Drizzle `sql` templates whose
 * identifiers are column references from db/schema.ts (a renamed column fails to compile; the two
 * schemas have the same names, tests/unit/schema-parity.test.ts), and every row is decoded by a
 * zod schema (db/engine/rows.ts) instead of being cast. Async on both engines.
 */
import type { SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Fragments } from './fragments';

export type EngineKind = 'sqlite' | 'postgres';

export interface Queryable {
  readonly kind: EngineKind;
  /** The SQL this engine spells its own way (db/engine/fragments.ts). */
  readonly fragments: Fragments;
  /** Every row the query returns, each decoded by `row` (a row that does not decode throws, naming the query's first words). */
  all<R>(query: SQL, row: z.ZodType<R>): Promise<R[]>;
  /** The first row, decoded, or undefined when there is none. */
  get<R>(query: SQL, row: z.ZodType<R>): Promise<R | undefined>;
  /** A statement without rows; how many rows it changed. */
  run(query: SQL): Promise<{ changes: number }>;
  /**
   * A statement parsed once and run many times, for hot paths (a grade, a session check): the
   * query's values are `sql.placeholder('name')`s, filled from `params` at each call. SQLite keeps
   * one better-sqlite3 statement per text; PostgreSQL a named statement per connection.
   */
  prepare<P extends Record<string, unknown>, R = never>(query: SQL, row?: z.ZodType<R>): Prepared<P, R>;
}

export interface Prepared<P extends Record<string, unknown>, R> {
  all(params: P): Promise<R[]>;
  get(params: P): Promise<R | undefined>;
  run(params: P): Promise<{ changes: number }>;
}

export interface Engine extends Queryable {
  /**
   * Runs `body` in one transaction: committed when it resolves, rolled back when it throws. On
   * SQLite (one connection per process) transactions and statements outside them queue behind
   * each other, so no statement of another request can land inside an open transaction.
   */
  transaction<T>(body: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
