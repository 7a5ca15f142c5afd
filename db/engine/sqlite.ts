/**
 * The engine on SQLite (better-sqlite3 through Drizzle). better-sqlite3 is synchronous and the
 * process has one connection, so an async transaction must own the connection until it ends:
 * every call waits its turn on one queue (a transaction holds it from BEGIN to COMMIT), and a
 * statement issued outside the transaction while it is open runs after it, not inside it.
 * That holds for statements that go through the engine: the prepared statements still called
 * directly on db.$client (most of db/queries, until they move) do not queue, so until then a
 * transaction on the engine awaits nothing but engine calls (each resolves at once on SQLite, so
 * the whole transaction runs before the event loop serves another request).
 */
import type { SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import type { Db } from '../connection';
import { decodeRows } from './rows';
import type { Engine, Queryable } from './types';

// Only to name a query in an error message.
const dialect = new SQLiteSyncDialect();
const text = (query: SQL) => dialect.sqlToQuery(query).sql;

function direct(db: Db): Queryable {
  return {
    kind: 'sqlite',
    all: async <R>(query: SQL, row: z.ZodType<R>) => decodeRows(db.all(query), row, text(query)),
    get: async <R>(query: SQL, row: z.ZodType<R>) => {
      const value = db.get(query);
      return value === undefined ? undefined : decodeRows([value], row, text(query))[0];
    },
    run: async (query: SQL) => ({ changes: db.run(query).changes }),
  };
}

export function sqliteEngine(db: Db): Engine {
  const inner = direct(db);
  let queue: Promise<unknown> = Promise.resolve();
  // Runs `task` after everything queued before it; a failure is the caller's, not the queue's.
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const result = queue.then(task);
    queue = result.catch(() => undefined);
    return result;
  };
  return {
    kind: 'sqlite',
    all: (query, row) => serial(() => inner.all(query, row)),
    get: (query, row) => serial(() => inner.get(query, row)),
    run: (query) => serial(() => inner.run(query)),
    transaction: (body) =>
      serial(async () => {
        // IMMEDIATE: take the write lock now, so a second process (a script, the backup) waits at
        // BEGIN instead of failing at the first write with SQLITE_BUSY.
        db.$client.exec('BEGIN IMMEDIATE');
        try {
          const out = await body(inner);
          db.$client.exec('COMMIT');
          return out;
        } catch (error) {
          if (db.$client.inTransaction) db.$client.exec('ROLLBACK');
          throw error;
        }
      }),
    close: async () => {
      await queue;
    },
  };
}
