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
import type Database from 'better-sqlite3';
import { fillPlaceholders, type SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import type { Db } from '../connection';
import { registerRecallAt } from '../recall-function';
import { sqliteFragments } from './fragments-sqlite';
import { decodeRows, rowSchema } from './rows';
import type { Engine, Prepared, Queryable } from './types';

const dialect = new SQLiteSyncDialect();

// A statement prepared on a hot path is usually one `sql` object built once at module level and
// prepared again in every transaction (a grade): render its text once, not at every prepare.
const rendered = new WeakMap<SQL, { sql: string; params: unknown[] }>();
function render(query: SQL, keep: boolean) {
  let out = keep ? rendered.get(query) : undefined;
  if (!out) {
    out = dialect.sqlToQuery(query);
    if (keep) rendered.set(query, out);
  }
  return out;
}

function direct(client: Database.Database): Queryable {
  const statements = new Map<string, Database.Statement>();
  const statement = (text: string) => {
    let s = statements.get(text);
    if (!s) statements.set(text, (s = client.prepare(text)));
    return s;
  };
  const prepare = <P extends Record<string, unknown>, R>(query: SQL, row?: z.ZodType<R>, keep = true): Prepared<P, R> => {
    const { sql: text, params } = render(query, keep);
    const bound = (values: P) => fillPlaceholders(params, values);
    return {
      all: async (values) => {
        const schema = rowSchema(row, text);
        return decodeRows(statement(text).all(...bound(values)), schema, text);
      },
      get: async (values) => {
        const schema = rowSchema(row, text);
        const value = statement(text).get(...bound(values));
        return value === undefined ? undefined : decodeRows([value], schema, text)[0];
      },
      run: async (values) => ({ changes: statement(text).run(...bound(values)).changes }),
    };
  };
  return {
    kind: 'sqlite',
    fragments: sqliteFragments,
    all: (query, row) => prepare(query, row, false).all({}),
    get: (query, row) => prepare(query, row, false).get({}),
    run: (query) => prepare(query, undefined, false).run({}),
    prepare: (query, row) => prepare(query, row),
  };
}

export function sqliteEngine(db: Db): Engine {
  const client = db.$client;
  // Part of opening the engine: queries may call recall_at (db/recall-function.ts) on any connection.
  registerRecallAt(client);
  const inner = direct(client);
  let queue: Promise<unknown> = Promise.resolve();
  // Runs `task` after everything queued before it; a failure is the caller's, not the queue's.
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const result = queue.then(task);
    queue = result.catch(() => undefined);
    return result;
  };
  return {
    kind: 'sqlite',
    fragments: sqliteFragments,
    all: (query, row) => serial(() => inner.all(query, row)),
    get: (query, row) => serial(() => inner.get(query, row)),
    run: (query) => serial(() => inner.run(query)),
    prepare: (query, row) => {
      const prepared = inner.prepare(query, row);
      return {
        all: (values) => serial(() => prepared.all(values)),
        get: (values) => serial(() => prepared.get(values)),
        run: (values) => serial(() => prepared.run(values)),
      };
    },
    transaction: (body) =>
      serial(async () => {
        // IMMEDIATE: take the write lock now, so a second process (a script, the backup) waits at
        // BEGIN instead of failing at the first write with SQLITE_BUSY.
        client.exec('BEGIN IMMEDIATE');
        try {
          const out = await body(inner);
          client.exec('COMMIT');
          return out;
        } catch (error) {
          if (client.inTransaction) client.exec('ROLLBACK');
          throw error;
        }
      }),
    close: async () => {
      await queue;
    },
  };
}
