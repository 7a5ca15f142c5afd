/**
 * What the two engines spell differently, behind one interface: each query asks its engine
 * (`db.fragments`) instead of writing SQLite-only or PostgreSQL-only SQL. The two spellings live in
 * fragments-sqlite.ts and fragments-postgres.ts, one small module per engine.
 */
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

type Expr = SQL | AnyColumn;

export interface Fragments {
  /** A subquery of a JavaScript list of whole numbers, for `x IN ${…}` (an empty list matches nothing). */
  intsIn(values: readonly number[]): SQL;
  /** A subquery of a JavaScript list of strings, for `x IN ${…}`. */
  textsIn(values: readonly string[]): SQL;
  /** A subquery of the string elements of a JSON array column or expression, for `x IN ${…}`. */
  jsonTexts(array: Expr): SQL;
  /** A JSON value or column read back as JSON text (decode it with rows.ts `jsonText`). */
  jsonText(value: Expr): SQL;
  /** A JavaScript value to store in a JSON column. */
  json(value: unknown): SQL;
  /** A boolean to store in or compare with a flag column (0/1 on SQLite, boolean on PostgreSQL). */
  bool(value: boolean): SQL;
  /** The larger / smaller of two values (SQLite's two-argument max/min). */
  greatest(a: Expr, b: Expr): SQL;
  least(a: Expr, b: Expr): SQL;
  /** An index hint after a table name (SQLite's INDEXED BY; PostgreSQL plans without hints). */
  indexedBy(index: string): SQL;

  // ── Grade path (issue 18, group "grade") ──────────────────────────────────────────────────
  /** A JSON column's value from JSON text (a parameter or placeholder), for INSERT and SET. */
  jsonFromText(text: unknown): SQL;
  /** After a SELECT: lock the rows read until the transaction ends (PostgreSQL; SQLite's write transaction already excludes others). */
  forUpdate(): SQL;
  /**
   * A statement that holds a lock on the pair (a, b) until the transaction ends, for rows that do
   * not exist yet; null where the transaction itself already excludes every other writer (SQLite).
   */
  pairLock(a: unknown, b: unknown): SQL | null;
  // --- classes and accounts (issue 18, eng-classes) ---
  /** An ORDER BY key that ignores letter case (SQLite's COLLATE NOCASE; lower() on PostgreSQL). */
  caseless(value: Expr): SQL;
  // ── Added by the authoring group (issue 18): the one deck writer. ──
  /**
   * A statement that makes concurrent transactions holding the same `key` take turns, until the end
   * of the transaction (PostgreSQL's transaction-scoped advisory lock; on SQLite the transaction
   * already holds the write lock from BEGIN IMMEDIATE, so it selects nothing).
   */
  lockTransaction(key: string): SQL;
  /** The string a JSON value holds, or NULL when it holds anything else (a number, a list, an object). */
  jsonString(value: Expr): SQL;
  // --- issue 18, progress and FSRS queries (eng-fsrs) ------------------------------------------
  /**
   * A table of a JavaScript list of whole numbers with their positions, columns `i` (0, 1, …) and
   * `v`, for FROM or WITH (alias it: `FROM ${f.numberedInts(xs)} b`). One parameter on both engines.
   */
  numberedInts(values: readonly number[]): SQL;
  /** A JSON array of SQL values, e.g. several aggregates where a scalar subquery may return only one value (read it back with `jsonText`). */
  jsonArray(values: readonly Expr[]): SQL;
  // --- end of issue 18, progress and FSRS queries -----------------------------------------------
}

/** A column's bare name, for the column lists of INSERT and the targets of SET (which take no table name). */
export function bare(column: AnyColumn): SQL {
  return sql`${sql.identifier(column.name)}`;
}
