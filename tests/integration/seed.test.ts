import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { recordReview } from '@/db/queries/reviews';
import { studySettingsFor } from '@/db/queries/settings';
import { loadContentDir } from '@/db/seed';
import { makeUser } from '../support/fixtures';

const SOURCE = path.resolve('..', 'shared', 'source');

function copyOfContent() {
  const dir = mkdtempSync(path.join(tmpdir(), 'content-'));
  cpSync(path.resolve('content'), dir, { recursive: true });
  return dir;
}

const cardRow = (key: string) => db.$client.prepare("SELECT id, prompt, retired_at AS retiredAt FROM cards WHERE deck_id = 'war-for-peace' AND key = ?").get(key) as { id: number; prompt: string; retiredAt: number | null };

describe('loading content/ into the database', () => {
  it('changes nothing when run twice', () => {
    const dir = copyOfContent();
    const first = loadContentDir(db, dir, SOURCE);
    expect(first[0]?.inserted).toBeGreaterThan(100);
    const second = loadContentDir(db, dir, SOURCE);
    expect(second[0]).toMatchObject({ inserted: 0, updated: 0, retired: 0 });
    expect(second[0]?.unchanged).toBe(first[0]?.inserted);
  });

  it('keeps a student’s progress when an item’s wording changes, and retires a removed item', async () => {
    const dir = copyOfContent();
    loadContentDir(db, dir, SOURCE);
    const user = await makeUser();
    const before = cardRow('csto-character');
    const at = new Date('2026-01-10T10:00:00Z');
    recordReview(user.id, { cardId: before.id, grade: 3, clientId: 'seed-test-1', reviewedAt: at, durationMs: 1, source: 'review' }, studySettingsFor(user.id), at);

    const file = path.join(dir, 'war-for-peace', 'items', '01-intro.yaml');
    const text = readFileSync(file, 'utf8');
    const reworded = text.replace(/(- id: csto-character\n(?:.*\n)*?\s+front: ).*/, '$1"Reworded: what kind of organisation is the CSTO?"');
    expect(reworded).not.toBe(text);
    // Remove another item entirely.
    const removed = reworded.replace(/- id: tokayev-name\n(?:(?!- id:).*\n)*/, '');
    writeFileSync(file, removed);

    const report = loadContentDir(db, dir, SOURCE)[0];
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
