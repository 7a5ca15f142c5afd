import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { engine } from '@/db/engine';
import { recordReview } from '@/db/queries/reviews';
import { studySettingsFor } from '@/db/queries/settings';
import { describeLoad, loadContentDir } from '@/db/seed';
import { makeUser } from '../support/fixtures';

const SOURCE = path.resolve('..', 'shared', 'source');

function copyOfContent() {
  const dir = mkdtempSync(path.join(tmpdir(), 'content-'));
  cpSync(path.resolve('content'), dir, { recursive: true });
  return dir;
}

const cardRow = (key: string) => db.$client.prepare("SELECT id, prompt, retired_at AS retiredAt FROM cards WHERE deck_id = 'war-for-peace' AND key = ?").get(key) as { id: number; prompt: string; retiredAt: number | null };

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
    const before = cardRow('csto-character');
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
    const after = cardRow('csto-character');
    expect(after.id).toBe(before.id);
    expect(after.prompt).toContain('Reworded');
    const state = db.$client.prepare('SELECT reps FROM card_states WHERE user_id = ? AND card_id = ?').get(user.id, after.id);
    expect(state).toEqual({ reps: 1 });
    expect(cardRow('tokayev-name').retiredAt).not.toBeNull();
  });
});

describe('re-seeding a database that students have used', () => {
  const MINI_SOURCE = path.resolve('tests', 'fixtures', 'source');

  function copyOfMiniDeck() {
    const dir = mkdtempSync(path.join(tmpdir(), 'content-mini-'));
    cpSync(path.resolve('tests', 'fixtures', 'decks', 'valid-mini'), path.join(dir, 'valid-mini'), { recursive: true });
    return dir;
  }
  const miniCard = (key: string) => db.$client.prepare("SELECT id, retired_at AS retiredAt FROM cards WHERE deck_id = 'valid-mini' AND key = ?").get(key) as { id: number; retiredAt: number | null };

  it('reports which cards it retired, and keeps their review history', async () => {
    const dir = copyOfMiniDeck();
    const first = await loadContentDir(await engine(), dir, MINI_SOURCE);
    expect(first[0]?.retiredKeys).toEqual([]);
    const user = await makeUser();
    const card = miniCard('csto-name::c2');
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
    expect(miniCard('csto-name::c2').retiredAt).not.toBeNull();
    const logs = db.$client.prepare('SELECT count(*) AS n FROM review_logs WHERE user_id = ? AND card_id = ?').get(user.id, card.id);
    expect(logs).toEqual({ n: 1 });
    const state = db.$client.prepare('SELECT reps FROM card_states WHERE user_id = ? AND card_id = ?').get(user.id, card.id);
    expect(state).toEqual({ reps: 1 });

    // A third load retires nothing more and reports nothing.
    expect(describeLoad(await loadContentDir(await engine(), dir, MINI_SOURCE))).toHaveLength(1);
  });
});
