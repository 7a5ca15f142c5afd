/** Group commit: writes queued together share one transaction, fail alone, and settle after COMMIT. */
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { databasePath } from '@/db/connection';
import { inGroupCommit } from '@/db/group-commit';

const insert = (v: string) => db.$client.prepare('INSERT INTO gc_probe (v) VALUES (?)').run(v);

describe('inGroupCommit', () => {
  let other: Database.Database;
  const seenByOther = (v: string) => other.prepare('SELECT count(*) AS n FROM gc_probe WHERE v = ?').get(v) as { n: number };
  beforeAll(() => {
    db.$client.exec('CREATE TABLE IF NOT EXISTS gc_probe (v TEXT NOT NULL)');
    other = new Database(databasePath(), { readonly: true });
  });

  it('runs writes queued in the same turn in one transaction, visible to others only after the commit', async () => {
    const insideSecond: { n: number }[] = [];
    const first = inGroupCommit(() => insert('same-turn-1'));
    const second = inGroupCommit(() => {
      insert('same-turn-2');
      // Another connection cannot see the first write yet: it is part of this uncommitted transaction.
      insideSecond.push(seenByOther('same-turn-1'));
      return db.$client.inTransaction;
    });
    expect(seenByOther('same-turn-1').n).toBe(0);
    await expect(second).resolves.toBe(true);
    await first;
    expect(insideSecond).toEqual([{ n: 0 }]);
    expect(seenByOther('same-turn-1').n + seenByOther('same-turn-2').n).toBe(2);
  });

  it('rolls back a failing job alone and still commits the others', async () => {
    const good = inGroupCommit(() => insert('kept'));
    const bad = inGroupCommit(() => {
      insert('rolled-back');
      throw new Error('boom');
    });
    const after = inGroupCommit(() => insert('kept-too'));
    await expect(bad).rejects.toThrow('boom');
    await Promise.all([good, after]);
    expect(seenByOther('kept').n).toBe(1);
    expect(seenByOther('kept-too').n).toBe(1);
    expect(seenByOther('rolled-back').n).toBe(0);
  });

  it('handles more jobs than one commit takes', async () => {
    const jobs = Array.from({ length: 600 }, (_, i) => inGroupCommit(() => Number(insert(`many-${i}`).changes)));
    expect((await Promise.all(jobs)).reduce((a, b) => a + b, 0)).toBe(600);
    expect((other.prepare("SELECT count(*) AS n FROM gc_probe WHERE v LIKE 'many-%'").get() as { n: number }).n).toBe(600);
  });
});
