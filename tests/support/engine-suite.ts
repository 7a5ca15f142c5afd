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

  describe('fragments (db/engine/fragments.ts): one meaning, each engine its own spelling', () => {
    it('selects from lists and JSON arrays, stores flags and JSON, takes greatest/least, ignores or uses index hints', async () => {
      const db = engine();
      const f = db.fragments;
      await db.run(sql`CREATE TABLE fragment_probe (id INTEGER PRIMARY KEY, label TEXT NOT NULL, tags ${sql.raw(db.kind === 'postgres' ? 'jsonb' : 'TEXT')}, on_flag ${sql.raw(db.kind === 'postgres' ? 'boolean' : 'INTEGER')})`);
      await db.run(sql`CREATE INDEX fragment_probe_label ON fragment_probe (label)`);
      for (const [id, label, tags, on] of [[1, 'a', ['x', 'y'], true], [2, 'b', [], false], [3, 'c', ['y'], true]] as const) {
        await db.run(sql`INSERT INTO fragment_probe (id, label, tags, on_flag) VALUES (${id}, ${label}, ${f.json(tags)}, ${f.bool(on)})`);
      }
      const ids = z.object({ id: int });
      const pick = async (where: ReturnType<typeof sql>) => (await db.all(sql`SELECT id AS "id" FROM fragment_probe${f.indexedBy('fragment_probe_label')} WHERE ${where} ORDER BY id`, ids)).map((r) => r.id);
      expect(await pick(sql`id IN ${f.intsIn([3, 1, 99])}`)).toEqual([1, 3]);
      expect(await pick(sql`id IN ${f.intsIn([])}`)).toEqual([]);
      expect(await pick(sql`label IN ${f.textsIn(['b', 'c', "it's"])}`)).toEqual([2, 3]);
      expect(await pick(sql`${'y'} IN ${f.jsonTexts(sql`tags`)}`)).toEqual([1, 3]);
      expect(await pick(sql`on_flag = ${f.bool(true)}`)).toEqual([1, 3]);
      expect(await pick(sql`label > ${''}`)).toEqual([1, 2, 3]);
      const back = await db.get(
        sql`SELECT ${f.jsonText(sql`tags`)} AS "tags", on_flag AS "on", ${f.greatest(sql`id`, sql`2`)} AS "hi", ${f.least(sql`id`, sql`2`)} AS "lo" FROM fragment_probe WHERE id = ${1}`,
        z.object({ tags: jsonText(z.array(z.string())), on: flag, hi: int, lo: int }),
      );
      expect(back).toEqual({ tags: ['x', 'y'], on: true, hi: 2, lo: 1 });
      await expect(db.get(sql`SELECT ${f.jsonText(sql`label`)} AS "tags" FROM fragment_probe WHERE id = ${1}`, z.object({ tags: jsonText(z.array(z.string())) }))).rejects.toThrow(/tags/);
    });
  });

  // --- classes and accounts (issue 18, eng-classes) ---
  describe('fragments of the classes group', () => {
    it('orders by a key that ignores letter case (caseless)', async () => {
      const db = engine();
      const rows = await db.all(
        sql`SELECT w AS "w" FROM (SELECT ${'beta'} AS w UNION ALL SELECT ${'Alpha'} UNION ALL SELECT ${'alpha2'} UNION ALL SELECT ${'Gamma'}) t ORDER BY ${db.fragments.caseless(sql`w`)}`,
        z.object({ w: z.string() }),
      );
      expect(rows.map((r) => r.w)).toEqual(['Alpha', 'alpha2', 'beta', 'Gamma']);
    });
  });

  // ── Added by the authoring group (issue 18): the fragments of the one deck writer and the typed-answer report. ──
  describe('fragments of the authoring group', () => {
    it('reads the string a JSON value holds (NULL for anything else), and takes a transaction lock', async () => {
      const db = engine();
      const f = db.fragments;
      const row = z.object({ text: z.string().nullable(), number: z.string().nullable(), list: z.string().nullable(), quoted: z.string().nullable() });
      expect(
        await db.get(
          sql`SELECT ${f.jsonString(f.json('Tokayev'))} AS "text", ${f.jsonString(f.json(3))} AS "number", ${f.jsonString(f.json(['a']))} AS "list",
                ${f.jsonString(f.json('say "no"'))} AS "quoted"`,
          row,
        ),
      ).toEqual({ text: 'Tokayev', number: null, list: null, quoted: 'say "no"' });
      const inside = await db.transaction(async (tx) => {
        await tx.run(tx.fragments.lockTransaction('deck:probe'));
        return tx.get(sql`SELECT 1 AS "n"`, z.object({ n: int }));
      });
      expect(inside).toEqual({ n: 1 });
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

  // ── Grade path fragments (issue 18, group "grade") ──
  describe('the grade path\'s fragments', () => {
    it('stores JSON from text, reads rows for update and takes a pair lock inside a transaction', async () => {
      const db = engine();
      const f = db.fragments;
      await db.run(sql`CREATE TABLE engine_json_probe (id INTEGER PRIMARY KEY, doc ${sql.raw(db.kind === 'postgres' ? 'jsonb' : 'text')})`);
      const insertDoc = db.prepare<{ id: number; doc: string }>(sql`INSERT INTO engine_json_probe (id, doc) VALUES (${sql.placeholder('id')}, ${f.jsonFromText(sql.placeholder('doc')) })`);
      await insertDoc.run({ id: 1, doc: JSON.stringify({ a: [1, 2], b: 'x' }) });
      const docRow = z.object({ doc: jsonText(z.object({ a: z.array(z.number()), b: z.string() })) });
      const read = await db.transaction(async (tx) => {
        const lock = f.pairLock(7, 8);
        if (lock) await tx.run(lock);
        return tx.get(sql`SELECT ${f.jsonText(sql.raw('doc'))} AS "doc" FROM engine_json_probe WHERE id = ${1}${f.forUpdate()}`, docRow);
      });
      expect(read).toEqual({ doc: { a: [1, 2], b: 'x' } });
      expect(f.pairLock(1, 2) === null).toBe(db.kind === 'sqlite');
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
