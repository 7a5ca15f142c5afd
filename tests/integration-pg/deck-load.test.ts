// The real deck (content/) loaded into PostgreSQL through the one deck writer (db/deck-writer.ts on the engine) gives the same decks,
// sections and cards, ids and JSON included, as db/seed.ts gives on SQLite; a second load changes
// nothing; two servers loading at once (both run the seed at start) write it once.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { asc, getTableColumns, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { applyMigrations, openDatabase } from '@/db/connection';
import { connectPg, type PgDb } from '@/db/pg/connection';
import { validateAllDecks } from '@/lib/content/validate';
import * as pgSchema from '@/db/schema.pg';
import * as sqliteSchema from '@/db/schema';
import { postgresEngine } from '@/db/engine/postgres';
import { sqliteEngine } from '@/db/engine/sqlite';
import { loadContentDir, loadValidatedDecks } from '@/db/seed';
import { createTestDatabase, migratedTestDatabase } from '../support/pg-database';

const CONTENT = path.resolve('content');
const SOURCE = path.resolve('..', 'shared', 'source');
const AT = new Date('2026-11-20T10:00:00Z');

let pg: PgDb;
// Validating content/ takes seconds: the tests that are about loading reuse one validation.
let validated: ReturnType<typeof validateAllDecks>;
beforeAll(async () => {
  validated = validateAllDecks(CONTENT, { sourceDir: SOURCE });
  ({ db: pg } = await migratedTestDatabase('deck_load'));
});
afterAll(async () => {
  await pg?.$client.end();
});

describe('loading content/ into PostgreSQL', () => {
  it('writes the same decks, sections and cards as on SQLite, and nothing the second time', async () => {
    const sqlite = openDatabase(path.join(mkdtempSync(path.join(tmpdir(), 'deck-load-')), 'app.db'));
    applyMigrations(sqlite);
    const onSqlite = await loadContentDir(sqliteEngine(sqlite), CONTENT, SOURCE, AT);
    const onPg = await loadContentDir(postgresEngine(pg), CONTENT, SOURCE, AT);
    expect(onPg).toEqual(onSqlite);
    expect(onPg[0]!.inserted).toBeGreaterThan(100);

    const { createdAt: _a, ...pgDeckColumns } = getTableColumns(pgSchema.decks);
    const { createdAt: _b, ...sqliteDeckColumns } = getTableColumns(sqliteSchema.decks);
    expect(await pg.select(pgDeckColumns).from(pgSchema.decks).orderBy(asc(pgSchema.decks.id))).toEqual(
      sqlite.select(sqliteDeckColumns).from(sqliteSchema.decks).orderBy(asc(sqliteSchema.decks.id)).all(),
    );
    expect(await pg.select().from(pgSchema.sections).orderBy(asc(pgSchema.sections.id))).toEqual(
      sqlite.select().from(sqliteSchema.sections).orderBy(asc(sqliteSchema.sections.id)).all(),
    );
    const pgCards = await pg.select().from(pgSchema.cards).orderBy(asc(pgSchema.cards.id));
    expect(pgCards).toEqual(sqlite.select().from(sqliteSchema.cards).orderBy(asc(sqliteSchema.cards.id)).all());
    expect(pgCards.some((c) => c.type === 'mcq' && Array.isArray(c.payload.options))).toBe(true);
    sqlite.$client.close();

    const again = await loadValidatedDecks(postgresEngine(pg), CONTENT, validated, new Date(AT.getTime() + 1000));
    expect(again[0]).toMatchObject({ inserted: 0, updated: 0, retired: 0, unchanged: onPg[0]!.inserted });
  });

  it('writes the deck once when two servers load it at the same time', async () => {
    const url = await createTestDatabase(inject('pgUrl'), 'deck_load_twice');
    const [a, b] = await Promise.all([connectPg(url, { max: 2 }), connectPg(url, { max: 2 })]);
    try {
      const [first, second] = await Promise.all([loadValidatedDecks(postgresEngine(a), CONTENT, validated, AT), loadValidatedDecks(postgresEngine(b), CONTENT, validated, AT)]);
      // One of them wrote every card; the other, after waiting for it, found them unchanged.
      expect([first[0]!.inserted, second[0]!.inserted].sort((x, y) => x - y)).toEqual([0, first[0]!.inserted + second[0]!.inserted]);
      const [counts] = await a.select({ n: sql<number>`count(*)`, keys: sql<number>`count(DISTINCT ${pgSchema.cards.key})` }).from(pgSchema.cards);
      expect(counts!.n).toBe(counts!.keys);
      expect(counts!.n).toBe(first[0]!.inserted + second[0]!.inserted);
    } finally {
      await Promise.all([a.$client.end(), b.$client.end()]);
    }
  });
});
