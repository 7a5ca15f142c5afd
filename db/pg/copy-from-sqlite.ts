/**
 * Copies every row of a SQLite database into an empty, migrated PostgreSQL one: how a deployment
 * moves from the embedded default to PostgreSQL (`npm run db:copy-to-pg`), and how the benchmark
 * runs the same data on both engines. Tables go in foreign-key order, ids are kept (identity
 * columns are BY DEFAULT) and each identity sequence is moved past the largest id. Values are
 * converted by the PostgreSQL column's type, read from db/schema.pg.ts: SQLite's 0/1 flags become
 * booleans and JSON text becomes jsonb (checked by the server on the way in). All in one
 * transaction: a failure leaves the target as empty as it was.
 */
import type Database from 'better-sqlite3';
import { getTableConfig, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import { is, Table } from 'drizzle-orm';
import * as pgSchema from '../schema.pg';
import type { PgDb } from './connection';

export interface CopyReport {
  table: string;
  rows: number;
}

/** PostgreSQL allows 65,535 parameters per statement. */
const MAX_PARAMS = 60_000;

function tablesInKeyOrder(): PgTable[] {
  const tables: PgTable[] = [];
  for (const value of Object.values(pgSchema) as unknown[]) if (is(value, Table)) tables.push(value as PgTable);
  const byName = new Map(tables.map((t) => [getTableConfig(t).name, t]));
  const done = new Set<string>();
  const ordered: PgTable[] = [];
  const visit = (table: PgTable, path: Set<string>) => {
    const { name, foreignKeys } = getTableConfig(table);
    if (done.has(name) || path.has(name)) return;
    path.add(name);
    for (const fk of foreignKeys) {
      const target = getTableConfig(fk.reference().foreignTable).name;
      const referenced = byName.get(target);
      if (referenced && target !== name) visit(referenced, path);
    }
    done.add(name);
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return ordered;
}

function converter(column: PgColumn): (value: unknown) => unknown {
  if (column.columnType === 'PgBoolean') return (v) => (v === null ? null : v === 1 || v === true);
  // jsonb takes JSON text as input: what SQLite holds, passed through for the server to check.
  return (v) => v;
}

export async function copySqliteToPg(sqlite: Database.Database, pg: PgDb, options: { batchRows?: number } = {}): Promise<CopyReport[]> {
  const client = await pg.$client.connect();
  const reports: CopyReport[] = [];
  try {
    await client.query('BEGIN');
    for (const table of tablesInKeyOrder()) {
      const { name, columns } = getTableConfig(table);
      const existing = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${name}"`);
      if ((existing.rows[0]?.n ?? 0) > 0) throw new Error(`Table ${name} is not empty on PostgreSQL: copy into a fresh database.`);
      const names = columns.map((c) => c.name);
      const convert = columns.map(converter);
      const batch = Math.max(1, Math.min(options.batchRows ?? 1000, Math.floor(MAX_PARAMS / names.length)));
      const rows = sqlite.prepare(`SELECT ${names.map((n) => `"${n}"`).join(', ')} FROM "${name}"`).raw().iterate() as IterableIterator<unknown[]>;
      let pending: unknown[][] = [];
      let copied = 0;
      const flush = async () => {
        if (pending.length === 0) return;
        const params: unknown[] = [];
        const tuples = pending.map((row) => `(${row.map((value, i) => (params.push((convert[i] as (v: unknown) => unknown)(value)), `$${params.length}`)).join(', ')})`);
        await client.query(`INSERT INTO "${name}" (${names.map((n) => `"${n}"`).join(', ')}) VALUES ${tuples.join(', ')}`, params);
        copied += pending.length;
        pending = [];
      };
      for (const row of rows) {
        pending.push(row);
        if (pending.length >= batch) await flush();
      }
      await flush();
      const identity = columns.find((c) => c.name === 'id' && c.columnType === 'PgInteger' && c.primary);
      if (identity && copied > 0) {
        await client.query(`SELECT setval(pg_get_serial_sequence('"${name}"', 'id'), (SELECT max(id) FROM "${name}"))`);
      }
      reports.push({ table: name, rows: copied });
    }
    await client.query('COMMIT');
    return reports;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
