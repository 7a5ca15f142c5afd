/**
 * Online backup while another process grades continuously: the copy passes integrity_check and holds
 * every grade committed before the backup started. Restore refuses a damaged file and keeps the old one.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { backupDatabase, restoreDatabase } from '@/db/backup';
import { databasePath } from '@/db/connection';
import { cardIds, loadRealDeck, makeUser } from '../support/fixtures';

const dir = mkdtempSync(path.join(tmpdir(), 'srs-backup-'));
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('db:backup and db:restore', () => {
  let cards: number[];
  beforeAll(async () => {
    await loadRealDeck();
    cards = await cardIds();
    // Some bulk, so the copy takes a while: 60,000 old review rows.
    const filler = await makeUser();
    const insert = db.$client.prepare(
      `INSERT INTO review_logs (user_id, card_id, client_id, rating, reviewed_at, state_before, snapshot_before, due_after, stability_after, difficulty_after, scheduled_days, created_at)
       VALUES (?, ?, ?, 3, ?, 2, '{"v":1,"card":null,"suspended":false,"leech":false}', 0, 1, 5, 1, 0)`,
    );
    db.$client.transaction(() => {
      for (let i = 0; i < 60_000; i++) insert.run(filler.id, cards[i % cards.length], `filler-${i}`, i);
    })();
  });

  it('copies a consistent snapshot while another process keeps writing', async () => {
    const user = await makeUser();
    const writer = spawn('npx', ['tsx', '--conditions', 'react-server', 'tests/support/race-writer.mts', databasePath(), 'bk', String(user.id), cards.slice(0, 30).join(','), '100000'], { stdio: 'ignore' });
    const reader = new Database(databasePath(), { readonly: true });
    const count = reader.prepare('SELECT count(*) AS n FROM review_logs WHERE user_id = ?');
    try {
      while ((count.get(user.id) as { n: number }).n < 50) await wait(50);
      const before = (reader.prepare('SELECT client_id AS id FROM review_logs WHERE user_id = ?').all(user.id) as { id: string }[]).map((r) => r.id);
      const { file } = await backupDatabase(databasePath(), dir);
      await wait(300);
      const after = (count.get(user.id) as { n: number }).n;
      expect(after).toBeGreaterThan(before.length); // the writer was still going

      const copy = new Database(file, { readonly: true });
      try {
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        const has = copy.prepare('SELECT 1 FROM review_logs WHERE user_id = ? AND client_id = ?');
        expect(before.filter((id) => has.get(user.id, id) === undefined)).toEqual([]);
        // Each card's state in the copy belongs to the same snapshot as its log (last review present).
        const orphans = copy
          .prepare(`SELECT count(*) AS n FROM card_states s WHERE s.user_id = ? AND NOT EXISTS (SELECT 1 FROM review_logs l WHERE l.user_id = s.user_id AND l.card_id = s.card_id AND l.reviewed_at = s.last_review)`)
          .get(user.id) as { n: number };
        expect(orphans.n).toBe(0);
      } finally {
        copy.close();
      }
    } finally {
      writer.kill();
      reader.close();
    }
  }, 60_000);

  it('restores a good backup, keeping the replaced file, and refuses a damaged one', async () => {
    const { file } = await backupDatabase(databasePath(), dir);
    const target = path.join(dir, 'restored', 'app.db');
    expect(restoreDatabase(file, target).previous).toBeNull();
    const again = restoreDatabase(file, target);
    expect(again.previous && existsSync(again.previous)).toBe(true);
    const restored = new Database(target, { readonly: true });
    expect(restored.pragma('integrity_check', { simple: true })).toBe('ok');
    restored.close();

    const damaged = path.join(dir, 'damaged.db');
    const bytes = readFileSync(file);
    bytes.fill(0x42, 4096, 8192 * 4); // overwrite a few pages
    writeFileSync(damaged, bytes);
    const current = readFileSync(target);
    expect(() => restoreDatabase(damaged, target)).toThrow();
    expect(readFileSync(target).equals(current)).toBe(true);
  });
});
