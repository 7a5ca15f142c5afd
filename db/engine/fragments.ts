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
