// The engine suite (tests/support/engine-suite.ts) on SQLite, the embedded default; plus: the typed
// visibility fragment and access.ts's SQLite string give the same answers.
import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import * as schema from '@/db/schema';
import { sqliteEngine } from '@/db/engine/sqlite';
import { engine as appEngine } from '@/db/engine';
import { canStudyDeck } from '@/db/queries/access';
import { databasePath } from '@/db/connection';
import path from 'node:path';
import { engineSuite, type InsertRow } from '../support/engine-suite';

const engine = sqliteEngine(db);
const insert: InsertRow = async (table, row) => {
  const [inserted] = db.insert(schema[table] as typeof schema.users).values(row as never).returning().all();
  return (inserted as { id?: number | string } | undefined)?.id ?? 0;
};
afterAll(() => engine.close());

engineSuite({ engine: () => engine, insert, notes: () => import('@/db/queries/notes') });

describe('on SQLite', () => {
  it('is the engine the app chooses when DATABASE_URL is unset', async () => {
    expect((await appEngine()).kind).toBe('sqlite');
  });

  it.each([
    [{}, 'data/app.db'],
    [{ DATABASE_URL: 'file:data/other.db' }, 'data/other.db'],
    [{ DATABASE_URL: '/srv/recall.db' }, '/srv/recall.db'],
    [{ DATABASE_URL: 'postgres://db.example/recall' }, 'data/app.db'],
    [{ DATABASE_URL: 'file:ignored.db', DATABASE_PATH: 'data/wins.db' }, 'data/wins.db'],
  ])('opens the file DATABASE_PATH or a file DATABASE_URL names: %j', (env, file) => {
    expect(databasePath(env)).toBe(path.resolve(file));
  });

  it('answers canStudyDeck (access.ts) by the visibility rule of access-sql.ts', async () => {
    const student = db.select().from(schema.users).all().find((u) => u.email === 'eng-student@test');
    expect(student).toBeDefined();
    const ids = ['eng-shared', 'eng-own', 'eng-assigned', 'eng-archived', 'eng-private'];
    const answers = await Promise.all(ids.map((id) => canStudyDeck(student!.id, id)));
    expect(ids.filter((_, i) => answers[i])).toEqual(['eng-shared', 'eng-own', 'eng-assigned']);
  });
});
