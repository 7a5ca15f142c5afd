/**
 * One suite for the data layer's engine (db/engine), run on SQLite (tests/integration/engine.test.ts)
 * and on PostgreSQL (tests/integration-pg/engine.test.ts): the same queries, the same answers.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { flag, int, jsonText } from '@/db/engine/rows';
import type { Engine } from '@/db/engine/types';
import { decks } from '@/db/schema';
import { deckVisibleTo } from '@/db/queries/access-sql';

/** Inserts one row by table name; each engine's test writes it with its own Drizzle schema. */
export type InsertRow = (table: 'users' | 'decks' | 'classes' | 'enrollments' | 'assignments', row: Record<string, unknown>) => Promise<number | string>;

export interface EngineSuiteOptions {
  engine: () => Engine;
  insert: InsertRow;
  /** The app's query module under test, imported once the engine it will use is configured. */
  notes: () => Promise<typeof import('@/db/queries/notes')>;
}

const probeRow = z.object({ id: int, n: int });

export function engineSuite({ engine, insert, notes }: EngineSuiteOptions) {
  describe('the engine', () => {
    it('decodes rows, booleans and counts the same way', async () => {
      const db = engine();
      await db.run(sql`CREATE TABLE engine_probe (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)`);
      await db.run(sql`INSERT INTO engine_probe (id, n) VALUES (${1}, ${10}), (${2}, ${20})`);
      expect(await db.all(sql`SELECT id AS "id", n AS "n" FROM engine_probe ORDER BY id`, probeRow)).toEqual([
        { id: 1, n: 10 },
        { id: 2, n: 20 },
      ]);
      expect(await db.get(sql`SELECT id AS "id", n AS "n" FROM engine_probe WHERE id = ${3}`, probeRow)).toBeUndefined();
      const facts = await db.get(sql`SELECT count(*) AS "rows", (1 = 1) AS "yes", (1 = 0) AS "no" FROM engine_probe`, z.object({ rows: int, yes: flag, no: flag }));
      expect(facts).toEqual({ rows: 2, yes: true, no: false });
      expect(await db.run(sql`UPDATE engine_probe SET n = n + 1`)).toEqual({ changes: 2 });
    });

    it('refuses a row that does not decode, naming the query', async () => {
      await expect(engine().all(sql`SELECT n AS "n" FROM engine_probe`, z.object({ n: z.string() }))).rejects.toThrow(/SELECT n AS "n" FROM engine_probe.*n:/);
    });

    it('commits a transaction that resolves and rolls back one that throws, whole', async () => {
      const db = engine();
      await db.transaction(async (tx) => {
        await tx.run(sql`INSERT INTO engine_probe (id, n) VALUES (${3}, ${30})`);
        await tx.run(sql`UPDATE engine_probe SET n = ${31} WHERE id = ${3}`);
      });
      await expect(
        db.transaction(async (tx) => {
          await tx.run(sql`INSERT INTO engine_probe (id, n) VALUES (${4}, ${40})`);
          throw new Error('half-way');
        }),
      ).rejects.toThrow('half-way');
      expect(await db.all(sql`SELECT id AS "id", n AS "n" FROM engine_probe WHERE id >= ${3}`, probeRow)).toEqual([{ id: 3, n: 31 }]);
    });

    it('runs a prepared statement many times with its placeholders filled, also inside a transaction', async () => {
      const db = engine();
      const insertProbe = db.prepare<{ id: number; n: number }>(sql`INSERT INTO engine_probe (id, n) VALUES (${sql.placeholder('id')}, ${sql.placeholder('n')})`);
      const byId = db.prepare<{ id: number }, { id: number; n: number }>(sql`SELECT id AS "id", n AS "n" FROM engine_probe WHERE id = ${sql.placeholder('id')}`, probeRow);
      for (let id = 100; id < 110; id++) await insertProbe.run({ id, n: id * 2 });
      expect(await byId.get({ id: 104 })).toEqual({ id: 104, n: 208 });
      expect(await byId.get({ id: 999 })).toBeUndefined();
      await expect(
        db.transaction(async (tx) => {
          const bump = tx.prepare<{ id: number }>(sql`UPDATE engine_probe SET n = n + 1 WHERE id = ${sql.placeholder('id')}`);
          expect(await bump.run({ id: 101 })).toEqual({ changes: 1 });
          expect(await tx.prepare<{ id: number }, { id: number; n: number }>(sql`SELECT id AS "id", n AS "n" FROM engine_probe WHERE id = ${sql.placeholder('id')}`, probeRow).get({ id: 101 })).toEqual({ id: 101, n: 203 });
          throw new Error('undo the bump');
        }),
      ).rejects.toThrow('undo the bump');
      expect(await byId.get({ id: 101 })).toEqual({ id: 101, n: 202 });
      await expect(insertProbe.all({ id: 200, n: 1 })).rejects.toThrow(/without a row schema/);
      await db.run(sql`DELETE FROM engine_probe WHERE id >= ${100}`);
    });

    it('keeps a statement issued during an open transaction out of it', async () => {
      const db = engine();
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let begun!: () => void;
      const inside = new Promise<void>((resolve) => (begun = resolve));
      const failing = db.transaction(async (tx) => {
        await tx.run(sql`INSERT INTO engine_probe (id, n) VALUES (${5}, ${50})`);
        begun();
        await held;
        throw new Error('rolled back');
      });
      await inside;
      // Issued while the transaction is open (it waits on `held`): it must not be rolled back with it.
      const outside = db.run(sql`INSERT INTO engine_probe (id, n) VALUES (${6}, ${60})`);
      await new Promise((resolve) => setTimeout(resolve, 20));
      release();
      await expect(failing).rejects.toThrow('rolled back');
      await outside;
      expect(await db.all(sql`SELECT id AS "id", n AS "n" FROM engine_probe WHERE id IN (${5}, ${6})`, probeRow)).toEqual([{ id: 6, n: 60 }]);
    });
  });

  describe('deck visibility (db/queries/access-sql.ts) and a query module on the engine', () => {
    it('shows shared, own and enrolled-class decks, and nothing else, with their notes', async () => {
      const db = engine();
      const student = Number(await insert('users', { email: 'eng-student@test', name: 'S', passwordHash: 'x' }));
      const author = Number(await insert('users', { email: 'eng-author@test', name: 'A', passwordHash: 'x', role: 'instructor' }));
      const at = new Date('2026-11-20T10:00:00Z');
      for (const [id, ownerId] of [['shared', null], ['own', student], ['assigned', author], ['archived', author], ['private', author]] as const) {
        await insert('decks', { id: `eng-${id}`, title: `Deck ${id}`, ownerId, createdAt: at });
      }
      const open = Number(await insert('classes', { instructorId: author, name: 'Open', joinCode: 'ENGOPEN001', createdAt: at }));
      const archived = Number(await insert('classes', { instructorId: author, name: 'Old', joinCode: 'ENGOLD0001', archivedAt: at.getTime(), createdAt: at }));
      for (const classId of [open, archived]) await insert('enrollments', { classId, userId: student, joinedAt: at.getTime() });
      await insert('assignments', { classId: open, deckId: 'eng-assigned', dueAt: at.getTime(), createdAt: at });
      await insert('assignments', { classId: archived, deckId: 'eng-archived', dueAt: at.getTime(), createdAt: at });

      const visible = await db.all(
        sql`SELECT ${decks.id} AS "id" FROM ${decks} WHERE ${decks.id} LIKE ${'eng-%'} AND ${deckVisibleTo(student, decks)} ORDER BY ${decks.id}`,
        z.object({ id: z.string() }),
      );
      expect(visible.map((d) => d.id)).toEqual(['eng-assigned', 'eng-own', 'eng-shared']);

      const { deckNotesFor } = await notes();
      expect((await deckNotesFor(student, 'eng-assigned'))?.deck).toMatchObject({ id: 'eng-assigned', title: 'Deck assigned', author: null, description: '' });
      expect(await deckNotesFor(student, 'eng-private')).toBeNull();
      expect(await deckNotesFor(student, 'eng-archived')).toBeNull();
    });
  });

  // --- issue 18, progress and FSRS queries (eng-fsrs) ---
  describe('numbered lists and JSON arrays (progress and FSRS queries)', () => {
    it('numbers a list of epoch milliseconds from 0, keeps their order, and reads ranges between neighbours', async () => {
      const f = engine().fragments;
      const bounds = [1_767_225_600_000, 1_767_312_000_000, 1_767_398_400_000];
      const rows = await engine().all(
        sql`SELECT b.i AS "i", b.v AS "lo", lead(b.v) OVER (ORDER BY b.i) AS "hi" FROM ${f.numberedInts(bounds)} b ORDER BY b.i`,
        z.object({ i: int, lo: int, hi: int.nullable() }),
      );
      expect(rows).toEqual([
        { i: 0, lo: bounds[0], hi: bounds[1] },
        { i: 1, lo: bounds[1], hi: bounds[2] },
        { i: 2, lo: bounds[2], hi: null },
      ]);
      expect(await engine().all(sql`SELECT b.i AS "i" FROM ${f.numberedInts([])} b`, z.object({ i: int }))).toEqual([]);
    });

    it('packs several aggregates of one scalar subquery into a JSON array', async () => {
      const db = engine();
      const f = db.fragments;
      const totals = await db.get(
        sql`SELECT (SELECT ${f.jsonText(f.jsonArray([sql`count(*)`, sql`coalesce(sum(n), 0)`, sql`0`]))} FROM engine_probe WHERE id <= ${3}) AS "totals"`,
        z.object({ totals: jsonText(z.array(z.number())) }),
      );
      expect(totals).toEqual({ totals: [3, 11 + 21 + 31, 0] });
    });
  });
  // --- end of issue 18, progress and FSRS queries ---
}
