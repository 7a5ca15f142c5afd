// db/pg/connection.ts on a real PostgreSQL: the committed migrations apply (also from two servers
// starting at once) and give the tables of db/schema.pg.ts; rows come back with their TypeScript
// types, through the traps a port from SQLite meets: count(*) and bigint arrive from node-postgres
// as strings, epoch-ms times overflow `integer`, and a JS array in a `sql` template is many parameters.
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { getTableConfig, PgDialect } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { applyPgMigrations, connectPg, type PgDb } from '@/db/pg/connection';
import * as schema from '@/db/schema.pg';
import { cardStates, cards, decks, reviewLogs, sections, userSettings, users } from '@/db/schema.pg';
import { createTestDatabase, migratedTestDatabase } from '../support/pg-database';
import { readFileSync } from 'node:fs';

/** The committed migrations, as drizzle-kit lists them: each is applied once. */
const pgJournal = () => JSON.parse(readFileSync('db/migrations-pg/meta/_journal.json', 'utf8')) as { entries: unknown[] };

let db: PgDb;
beforeAll(async () => {
  ({ db } = await migratedTestDatabase('connection'));
});
afterAll(async () => {
  await db?.$client.end();
});

// A time past 2^31 ms (January 1970 + 24.8 days), as every real time is.
const T0 = Date.UTC(2026, 11, 1, 12, 0, 0, 123);

async function makeUserAndCard(email: string): Promise<{ userId: number; cardId: number }> {
  const [user] = await db.insert(users).values({ email, name: 'Ann', passwordHash: 'x' }).returning({ id: users.id });
  await db.insert(decks).values({ id: 'deck-a', title: 'Deck A' }).onConflictDoNothing();
  const [section] = await db
    .insert(sections)
    .values({ deckId: 'deck-a', key: 's1', title: 'One', position: 0 })
    .onConflictDoUpdate({ target: [sections.deckId, sections.key], set: { title: 'One' } })
    .returning({ id: sections.id });
  const [card] = await db
    .insert(cards)
    .values({
      deckId: 'deck-a',
      sectionId: section!.id,
      key: `k-${email}`,
      itemId: `i-${email}`,
      type: 'basic',
      position: 0,
      prompt: 'Q?',
      answer: 'A.',
      payload: { choices: ['a', 'b'], nested: { n: 1.5 } },
      contentHash: 'h',
      updatedAt: new Date(T0),
    })
    .returning({ id: cards.id });
  return { userId: user!.id, cardId: card!.id };
}

describe('PostgreSQL connection and migrations', () => {
  it('creates every table of db/schema.pg.ts with its columns and nullability', async () => {
    const { rows } = await db.$client.query<{ table_name: string; column_name: string; is_nullable: 'YES' | 'NO'; data_type: string }>(
      `SELECT table_name, column_name, is_nullable, data_type FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    const live = rows.map((r) => `${r.table_name}.${r.column_name} ${r.data_type} ${r.is_nullable === 'NO' ? 'not null' : 'null'}`).sort();
    const declared = Object.values(schema)
      .flatMap((table) => {
        const config = getTableConfig(table);
        return config.columns.map((c) => `${config.name}.${c.name} ${c.getSQLType()} ${c.notNull ? 'not null' : 'null'}`);
      })
      .sort();
    expect(live).toEqual(declared);
  });

  it('creates every index and unique constraint of db/schema.pg.ts (a forgotten db:generate:pg fails here)', async () => {
    const { rows } = await db.$client.query<{ indexname: string }>(
      `SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT LIKE '%\\_pkey' AND indexname NOT LIKE '%\\_pk'`,
    );
    const declared = Object.values(schema).flatMap((table) => {
      const config = getTableConfig(table);
      return [...config.indexes.map((i) => i.config.name), ...config.columns.filter((c) => c.isUnique).map((c) => c.uniqueName)];
    });
    expect(rows.map((r) => r.indexname).sort()).toEqual(declared.sort());
    expect(declared.length).toBeGreaterThanOrEqual(19);
  });

  it('applies the migrations once when two servers start together, and again as a no-op', async () => {
    const url = await createTestDatabase(inject('pgUrl'), 'two_starts');
    const [a, b] = await Promise.all([connectPg(url, { max: 2 }), connectPg(url, { max: 2 })]);
    await applyPgMigrations(a);
    const { rows } = await a.$client.query<{ n: number }>('SELECT count(*) AS n FROM drizzle.__drizzle_migrations');
    await Promise.all([a.$client.end(), b.$client.end()]);
    expect(rows[0]!.n).toBe(pgJournal().entries.length);
  });

  it('migrates a fresh database for a caller whose pool has one connection (the lock must not wait on itself)', async () => {
    const single = await connectPg(await createTestDatabase(inject('pgUrl'), 'single_pool'), { max: 1 });
    try {
      expect((await single.$client.query<{ n: number }>('SELECT count(*)::int AS n FROM users')).rows[0]?.n).toBe(0);
    } finally {
      await single.$client.end();
    }
  });

  it('round-trips a user, a card state and a review with their types', async () => {
    const { userId, cardId } = await makeUserAndCard('ann@example.test');
    await db.insert(userSettings).values({ userId, passFail: true, fsrsWeights: [0.1, 1.25, 3] });
    await db.insert(cardStates).values({
      userId,
      cardId,
      due: T0 + 86_400_000,
      stability: 2.3065,
      difficulty: 2.118103970459016,
      scheduledDays: 1,
      learningSteps: 0,
      reps: 1,
      lapses: 0,
      state: 2,
      lastReview: T0,
      updatedAt: T0,
    });
    await db.insert(reviewLogs).values({
      userId,
      cardId,
      clientId: 'c-1',
      rating: 3,
      reviewedAt: T0,
      stateBefore: 0,
      snapshotBefore: { stability: 0 },
      dueAfter: T0 + 86_400_000,
      stabilityAfter: 2.3065,
      difficultyAfter: 2.118103970459016,
      scheduledDays: 1,
      createdAt: T0,
    });

    const [user] = await db.select().from(users).where(eq(users.id, userId));
    expect(user!.createdAt).toBeInstanceOf(Date);
    expect(Math.abs(user!.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    const [settings] = await db.select().from(userSettings).where(eq(userSettings.userId, userId));
    expect(settings).toMatchObject({ passFail: true, fsrsWeights: [0.1, 1.25, 3], desiredRetention: 0.9, fsrsSource: 'default' });
    const [state] = await db.select().from(cardStates).where(and(eq(cardStates.userId, userId), eq(cardStates.cardId, cardId)));
    expect(state).toMatchObject({ due: T0 + 86_400_000, lastReview: T0, stability: 2.3065, difficulty: 2.118103970459016, suspended: false });
    expect(typeof state!.due).toBe('number');
    const [log] = await db.select().from(reviewLogs).where(eq(reviewLogs.clientId, 'c-1'));
    expect(log).toMatchObject({ reviewedAt: T0, rating: 3, source: 'review', undoneAt: null, snapshotBefore: { stability: 0 } });
    const [card] = await db.select({ payload: cards.payload, tags: cards.tags, updatedAt: cards.updatedAt }).from(cards).where(eq(cards.id, cardId));
    expect(card).toEqual({ payload: { choices: ['a', 'b'], nested: { n: 1.5 } }, tags: [], updatedAt: new Date(T0) });
  });

  it('refuses an epoch-ms time in a 32-bit integer column (why times are bigint)', async () => {
    await expect(db.$client.query('SELECT $1::integer', [T0])).rejects.toThrow(/out of range/);
    const { rows } = await db.$client.query<{ t: number }>('SELECT $1::bigint AS t', [T0]);
    expect(rows[0]!.t).toBe(T0);
  });

  it('decodes count(*), sums and bigints as numbers, and refuses one past 2^53 instead of rounding it', async () => {
    const [viaBuilder] = await db.select({ n: count() }).from(reviewLogs);
    const viaTemplate = await db.execute<{ n: number; s: number; total: number }>(
      sql`SELECT count(*) AS n, sum(${reviewLogs.durationMs}) AS s, sum(${reviewLogs.reviewedAt}) AS total FROM ${reviewLogs}`,
    );
    expect(viaBuilder!.n).toBe(1);
    expect(viaTemplate.rows[0]).toEqual({ n: 1, s: 0, total: T0 });
    await expect(db.$client.query('SELECT (2::bigint ^ 60)::bigint AS big')).rejects.toThrow(/does not fit a JavaScript number/);
    await expect(db.execute(sql`SELECT (2::bigint ^ 60)::bigint AS big`)).rejects.toMatchObject({ cause: { message: expect.stringMatching(/does not fit/) } });
  });

  it('expands a JS array in a sql template to one parameter per element; = ANY takes it as one array', async () => {
    const ids = [1, 2, 3];
    const expanded = new PgDialect().sqlToQuery(sql`SELECT 1 WHERE 2 IN ${ids}`);
    expect(expanded).toMatchObject({ sql: 'SELECT 1 WHERE 2 IN ($1, $2, $3)', params: [1, 2, 3] });
    const asArray = new PgDialect().sqlToQuery(sql`SELECT 1 WHERE 2 = ANY(${sql.param(ids)}::int[])`);
    expect(asArray.params).toEqual([[1, 2, 3]]);

    const { userId } = await makeUserAndCard('bob@example.test');
    const inList = await db.execute<{ id: number }>(sql`SELECT id FROM ${users} WHERE id IN ${[userId, -1]}`);
    const anyOf = await db.execute<{ id: number }>(sql`SELECT id FROM ${users} WHERE id = ANY(${sql.param([userId, -1])}::int[])`);
    const builder = await db.select({ id: users.id }).from(users).where(inArray(users.id, [userId, -1]));
    expect(inList.rows).toEqual([{ id: userId }]);
    expect(anyOf.rows).toEqual([{ id: userId }]);
    expect(builder).toEqual([{ id: userId }]);
  });
});
