import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { int } from '@/db/engine/rows';
import { cards, cardStates, reviewLogs } from '@/db/schema';
import { recordReview } from '@/db/queries/reviews';
import { studySettingsFor } from '@/db/queries/settings';
import { describeLoad, loadContentDir } from '@/db/seed';
import { countOf, makeUser } from '../support/fixtures';

const SOURCE = path.resolve('..', 'shared', 'source');

function copyOfContent() {
  const dir = mkdtempSync(path.join(tmpdir(), 'content-'));
  cpSync(path.resolve('content'), dir, { recursive: true });
  return dir;
}

async function cardOf(deckId: string, key: string) {
  const row = await (await engine()).get(
    sql`SELECT ${cards.id} AS "id", ${cards.prompt} AS "prompt", ${cards.retiredAt} AS "retiredAt" FROM ${cards} WHERE ${cards.deckId} = ${deckId} AND ${cards.key} = ${key}`,
    z.object({ id: int, prompt: z.string(), retiredAt: int.nullable() }),
  );
  if (!row) throw new Error(`no card ${key} in ${deckId}`);
  return row;
}
const cardRow = (key: string) => cardOf('war-for-peace', key);
const repsOf = async (userId: number, cardId: number) =>
  (await engine()).get(sql`SELECT ${cardStates.reps} AS "reps" FROM ${cardStates} WHERE ${cardStates.userId} = ${userId} AND ${cardStates.cardId} = ${cardId}`, z.object({ reps: int }));

describe('loading content/ into the database', () => {
  it('changes nothing when run twice', async () => {
    const dir = copyOfContent();
    const first = await loadContentDir(await engine(), dir, SOURCE);
    expect(first[0]?.inserted).toBeGreaterThan(100);
    const second = await loadContentDir(await engine(), dir, SOURCE);
    expect(second[0]).toMatchObject({ inserted: 0, updated: 0, retired: 0 });
    expect(second[0]?.unchanged).toBe(first[0]?.inserted);
  });

  it('keeps a student’s progress when an item’s wording changes, and retires a removed item', async () => {
    const dir = copyOfContent();
    await loadContentDir(await engine(), dir, SOURCE);
    const user = await makeUser();
    const before = await cardRow('csto-character');
    const at = new Date('2026-01-10T10:00:00Z');
    await recordReview(user.id, { cardId: before.id, grade: 3, clientId: 'seed-test-1', reviewedAt: at, durationMs: 1, source: 'review' }, await studySettingsFor(user.id), at);

    const file = path.join(dir, 'war-for-peace', 'items', '01-intro.yaml');
    const text = readFileSync(file, 'utf8');
    const reworded = text.replace(/(- id: csto-character\n(?:.*\n)*?\s+front: ).*/, '$1"Reworded: what kind of organisation is the CSTO?"');
    expect(reworded).not.toBe(text);
    // Remove another item entirely.
    const removed = reworded.replace(/- id: tokayev-name\n(?:(?!- id:).*\n)*/, '');
    writeFileSync(file, removed);

    const report = (await loadContentDir(await engine(), dir, SOURCE))[0];
    expect(report?.updated).toBeGreaterThanOrEqual(1);
    expect(report?.retired).toBe(1);
    const after = await cardRow('csto-character');
    expect(after.id).toBe(before.id);
    expect(after.prompt).toContain('Reworded');
    expect(await repsOf(user.id, after.id)).toEqual({ reps: 1 });
    expect((await cardRow('tokayev-name')).retiredAt).not.toBeNull();
  });
});

describe('re-seeding a database that students have used', () => {
  const MINI_SOURCE = path.resolve('tests', 'fixtures', 'source');

  function copyOfMiniDeck() {
    const dir = mkdtempSync(path.join(tmpdir(), 'content-mini-'));
    cpSync(path.resolve('tests', 'fixtures', 'decks', 'valid-mini'), path.join(dir, 'valid-mini'), { recursive: true });
    return dir;
  }
  const miniCard = (key: string) => cardOf('valid-mini', key);

  it('reports which cards it retired, and keeps their review history', async () => {
    const dir = copyOfMiniDeck();
    const first = await loadContentDir(await engine(), dir, MINI_SOURCE);
    expect(first[0]?.retiredKeys).toEqual([]);
    const user = await makeUser();
    const card = await miniCard('csto-name::c2');
    const at = new Date('2026-01-10T10:00:00Z');
    await recordReview(user.id, { cardId: card.id, grade: 3, clientId: 'reseed-1', reviewedAt: at, durationMs: 1, source: 'review' }, await studySettingsFor(user.id), at);

    // Drop the cloze item (two cards) and keep everything else.
    const file = path.join(dir, 'valid-mini', 'items', '01-intro.yaml');
    const text = readFileSync(file, 'utf8');
    const without = text.replace(/- id: csto-name\n(?:(?!- id:).*\n?)*/, '');
    expect(without).not.toBe(text);
    writeFileSync(file, without);

    const report = await loadContentDir(await engine(), dir, MINI_SOURCE);
    expect(report[0]).toMatchObject({ deckId: 'valid-mini', inserted: 0, retired: 2, retiredKeys: ['csto-name::c1', 'csto-name::c2'] });
    expect(describeLoad(report)).toEqual([
      `Deck valid-mini: 0 new, ${report[0]?.updated} updated, 2 retired, ${report[0]?.unchanged} unchanged cards`,
      "  retired csto-name::c1 (students' history kept)",
      "  retired csto-name::c2 (students' history kept)",
    ]);
    expect((await miniCard('csto-name::c2')).retiredAt).not.toBeNull();
    expect(await countOf(sql`SELECT count(*) AS "n" FROM ${reviewLogs} WHERE ${reviewLogs.userId} = ${user.id} AND ${reviewLogs.cardId} = ${card.id}`)).toBe(1);
    expect(await repsOf(user.id, card.id)).toEqual({ reps: 1 });

    // A third load retires nothing more and reports nothing.
    expect(describeLoad(await loadContentDir(await engine(), dir, MINI_SOURCE))).toHaveLength(1);
  });
});
