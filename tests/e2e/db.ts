/**
 * Read-only look into the database of the server the running test talks to, to find answers and
 * check what was saved: data/e2e.db for the SQLite projects, the e2e PostgreSQL database for
 * desktop-pg (its URL is in data/e2e-pg/url, written by scripts/e2e-server.mjs --postgres).
 * Queries are written once, with `?` placeholders and double-quoted aliases ("clientId": PostgreSQL
 * folds unquoted names to lower case); rows come back as SQLite gives them (0/1 for booleans,
 * JSON columns as text, counts as numbers), so a spec reads the same on both.
 */
import { test } from '@playwright/test';
import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import pg from 'pg';

// int8 (counts, epoch milliseconds) as numbers, as the app reads them (db/pg/connection.ts).
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export const E2E_PG_URL_FILE = 'data/e2e-pg/url';

function onPostgres(): boolean {
  return test.info().project.name.endsWith('-pg');
}

/** A connection to the e2e PostgreSQL database, and a query on it with `?` placeholders numbered as PostgreSQL wants them. */
async function pgConnection() {
  const client = new pg.Client({ connectionString: readFileSync(E2E_PG_URL_FILE, 'utf8').trim() });
  await client.connect();
  const query = (text: string, params: unknown[]) => {
    let n = 0;
    return client.query(text.replace(/\?/g, () => `$${++n}`), params);
  };
  return { client, query };
}

function asSqliteGivesIt(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    out[key] = typeof value === 'boolean' ? Number(value) : value !== null && typeof value === 'object' && !(value instanceof Date) ? JSON.stringify(value) : value;
  }
  return out;
}

/** Every row of `text` (with `?` placeholders for `params`). */
export async function e2eAll<R>(text: string, ...params: unknown[]): Promise<R[]> {
  if (onPostgres()) {
    const { client, query } = await pgConnection();
    try {
      const result = await query(text, params);
      return result.rows.map((row: Record<string, unknown>) => asSqliteGivesIt(row) as R);
    } finally {
      await client.end();
    }
  }
  const db = new Database('data/e2e.db', { readonly: true, fileMustExist: true });
  try {
    return db.prepare(text).all(...params) as R[];
  } finally {
    db.close();
  }
}

/** Statements run inside `e2eTransaction`: `?` placeholders, as in e2eAll. */
export interface E2eTx {
  run(text: string, ...params: unknown[]): Promise<void>;
  /** The first row of a statement that returns rows (`… RETURNING id`). */
  get<R>(text: string, ...params: unknown[]): Promise<R | undefined>;
}

/** Writes into the database of the running test's server, all in one transaction (committed when `body` resolves). */
export async function e2eTransaction<T>(body: (tx: E2eTx) => Promise<T>): Promise<T> {
  if (onPostgres()) {
    const { client, query } = await pgConnection();
    try {
      await client.query('BEGIN');
      const out = await body({
        run: async (text, ...params) => void (await query(text, params)),
        get: async <R>(text: string, ...params: unknown[]) => (await query(text, params)).rows[0] as R | undefined,
      });
      await client.query('COMMIT');
      return out;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await client.end();
    }
  }
  const db = new Database('data/e2e.db', { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  try {
    db.exec('BEGIN IMMEDIATE');
    const out = await body({
      run: async (text, ...params) => void db.prepare(text).run(...params),
      get: async <R>(text: string, ...params: unknown[]) => db.prepare(text).get(...params) as R | undefined,
    });
    db.exec('COMMIT');
    return out;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  } finally {
    db.close();
  }
}

/** The first row of `text`, or undefined. */
export async function e2eGet<R>(text: string, ...params: unknown[]): Promise<R | undefined> {
  return (await e2eAll<R>(text, ...params))[0];
}

type Payload =
  | { type: 'mcq'; question: string; options: { text: string; correct: boolean }[] }
  | { type: 'truefalse'; statement: string; answer: boolean }
  | { type: 'typed'; question: string; answers: string[] }
  | { type: 'ordering'; prompt: string; steps: string[] }
  | { type: 'basic' | 'cloze' };

/** The payload of the card whose prompt is `prompt` (question, statement or ordering prompt). */
export async function payloadForPrompt(prompt: string): Promise<Payload> {
  const rows = await e2eAll<{ payload: string }>("SELECT payload FROM cards WHERE deck_id = 'war-for-peace' AND retired_at IS NULL");
  for (const row of rows) {
    const p = JSON.parse(row.payload) as Payload & Record<string, unknown>;
    const text = p.question ?? p.statement ?? p.prompt;
    if (typeof text === 'string' && text.trim() === prompt.trim()) return p;
  }
  throw new Error(`No card with prompt ${prompt}`);
}

export async function reviewLogsOf(email: string) {
  return e2eAll<{ cardId: number; rating: number; undoneAt: number | null; clientId: string }>(
    'SELECT l.card_id AS "cardId", l.rating, l.undone_at AS "undoneAt", l.client_id AS "clientId" FROM review_logs l JOIN users u ON u.id = l.user_id WHERE u.email = ? ORDER BY l.reviewed_at, l.id',
    email,
  );
}

/** The join code of the demo class (POLS 210). */
export async function demoJoinCode(): Promise<string> {
  const row = await e2eGet<{ code: string }>("SELECT join_code AS code FROM classes WHERE name LIKE 'POLS 210%'");
  if (!row) throw new Error('the demo class is missing');
  return row.code;
}

/** Moves the server's clock (test builds only): "now" becomes real time + offset. */
export function setClockOffsetDays(days: number) {
  writeFileSync('data/e2e-clock', String(Math.round(days * 86_400_000)));
}
