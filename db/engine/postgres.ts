/**
 * The engine on PostgreSQL (node-postgres pool through Drizzle, db/pg/connection.ts). Each call
 * takes a pooled connection; a transaction keeps one from BEGIN to COMMIT.
 */
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { PgDb } from '../pg/connection';
import { decodeRows } from './rows';
import type { Engine, Queryable } from './types';

type Executor = Pick<PgDb, 'execute'>;
// Only to name a query in an error message.
const dialect = new PgDialect();
const text = (query: SQL) => dialect.sqlToQuery(query).sql;

function over(db: Executor): Queryable {
  return {
    kind: 'postgres',
    all: async <R>(query: SQL, row: z.ZodType<R>) => decodeRows((await db.execute(query)).rows, row, text(query)),
    get: async <R>(query: SQL, row: z.ZodType<R>) => {
      const { rows } = await db.execute(query);
      return rows.length === 0 ? undefined : decodeRows(rows.slice(0, 1), row, text(query))[0];
    },
    run: async (query: SQL) => ({ changes: (await db.execute(query)).rowCount ?? 0 }),
  };
}

export function postgresEngine(db: PgDb): Engine {
  return {
    ...over(db),
    transaction: (body) => db.transaction((tx) => body(over(tx))),
    close: () => db.$client.end(),
  };
}
