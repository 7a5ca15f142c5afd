/**
 * The engine on PostgreSQL: the node-postgres pool of db/pg/connection.ts (its type parsers read
 * int8 and numeric as numbers), with queries rendered by Drizzle's pg dialect. Each call takes a
 * pooled connection; a transaction keeps one from BEGIN to COMMIT.
 */
import type pg from 'pg';
import { fillPlaceholders, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { PgDb } from '../pg/connection';
import { postgresFragments } from './fragments-postgres';
import { decodeRows, rowSchema } from './rows';
import type { Engine, Prepared, Queryable } from './types';

const dialect = new PgDialect();

// As on SQLite (sqlite.ts): a hot statement's `sql` object is rendered once, however often it is prepared.
const rendered = new WeakMap<SQL, { sql: string; params: unknown[] }>();
function render(query: SQL, keep: boolean) {
  let out = keep ? rendered.get(query) : undefined;
  if (!out) {
    out = dialect.sqlToQuery(query);
    if (keep) rendered.set(query, out);
  }
  return out;
}
// node-postgres prepares a named statement once per connection; the name stands for the text.
const names = new Map<string, string>();
const nameFor = (text: string) => {
  let name = names.get(text);
  if (!name) names.set(text, (name = `recall_${names.size + 1}`));
  return name;
};

function over(client: pg.Pool | pg.PoolClient): Queryable {
  const prepare = <P extends Record<string, unknown>, R>(query: SQL, row?: z.ZodType<R>, named = true): Prepared<P, R> => {
    const { sql: text, params } = render(query, named);
    const name = named ? nameFor(text) : undefined;
    const execute = (values: P) => client.query({ ...(name ? { name } : {}), text, values: fillPlaceholders(params, values) });
    return {
      all: async (values) => {
        const schema = rowSchema(row, text);
        return decodeRows((await execute(values)).rows, schema, text);
      },
      get: async (values) => {
        const schema = rowSchema(row, text);
        const { rows } = await execute(values);
        return rows.length === 0 ? undefined : decodeRows(rows.slice(0, 1), schema, text)[0];
      },
      run: async (values) => ({ changes: (await execute(values)).rowCount ?? 0 }),
    };
  };
  return {
    kind: 'postgres',
    fragments: postgresFragments,
    // One-off queries are not named: their texts vary (lists of ids) and would fill each connection.
    all: (query, row) => prepare(query, row, false).all({}),
    get: (query, row) => prepare(query, row, false).get({}),
    run: (query) => prepare(query, undefined, false).run({}),
    prepare: (query, row) => prepare(query, row),
  };
}

export function postgresEngine(db: PgDb): Engine {
  const pool = db.$client;
  return {
    ...over(pool),
    transaction: async (body) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const out = await body(over(client));
        await client.query('COMMIT');
        return out;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
