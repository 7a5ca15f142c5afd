/**
 * Helpers for integration tests: users and the real deck in the test's database, on whichever
 * engine the file runs on (SQLite by default; PostgreSQL in the integration-on-pg project).
 */
import path from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { createUser } from '@/db/admin/users';
import { engine } from '@/db/engine';
import { int } from '@/db/engine/rows';
import { cards, type Role } from '@/db/schema';
import { loadContentDir } from '@/db/seed';

let counter = 0;

export async function makeUser(role: Role = 'student', timeZone = 'UTC') {
  const n = ++counter; // taken before the first await: makeUser is often called several times in one Promise.all
  const user = await createUser(await engine(), { email: `user${n}-${Date.now()}@test.example`, name: `User ${n}`, password: 'integration-pass', role, timeZone });
  return { id: user.id, name: user.name, email: user.email, role: user.role };
}

/** Loads content/ through the app's engine (the one the queries under test use), on either engine. */
export async function loadRealDeck() {
  return loadContentDir(await engine(), path.resolve('content'), path.resolve('..', 'shared', 'source'));
}

export async function cardIds(deckId = 'war-for-peace'): Promise<number[]> {
  const rows = await (await engine()).all(
    sql`SELECT ${cards.id} AS "id" FROM ${cards} WHERE ${cards.deckId} = ${deckId} AND ${cards.retiredAt} IS NULL ORDER BY ${cards.position}`,
    z.object({ id: int }),
  );
  return rows.map((r) => r.id);
}

/** Runs one statement on the file's engine (a direct change a test sets up or breaks on purpose). */
export async function exec(query: SQL): Promise<{ changes: number }> {
  return (await engine()).run(query);
}

/** The `n` of a query that selects `count(*) AS "n"`, on the file's engine. */
export async function countOf(query: SQL): Promise<number> {
  return (await (await engine()).get(query, z.object({ n: int })))?.n ?? 0;
}
