/** Group commit on the engine: jobs queued together share one transaction, fail alone, and settle after COMMIT. */
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { databasePath } from '@/db/connection';
import { engine } from '@/db/engine';
import type { Queryable } from '@/db/engine/types';
import { groupCommit, inSavepoint } from '@/db/group-commit';

const insert = async (tx: Queryable, v: string) => (await tx.run(sql`INSERT INTO gc_probe (v) VALUES (${v})`)).changes;

describe('groupCommit', () => {
  let other: Database.Database;
  const seenByOther = (v: string) => other.prepare('SELECT count(*) AS n FROM gc_probe WHERE v = ?').get(v) as { n: number };
  beforeAll(() => {
    db.$client.exec('CREATE TABLE IF NOT EXISTS gc_probe (v TEXT NOT NULL)');
    other = new Database(databasePath(), { readonly: true });
  });

  it('runs jobs queued in the same turn in one transaction, visible to others only after the commit', async () => {
    const insideSecond: { n: number }[] = [];
    const first = groupCommit((tx) => insert(tx, 'same-turn-1'));
    const second = groupCommit(async (tx) => {
      await insert(tx, 'same-turn-2');
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
    const good = groupCommit((tx) => insert(tx, 'kept'));
    const bad = groupCommit(async (tx) => {
      await insert(tx, 'rolled-back');
      throw new Error('boom');
    });
    const after = groupCommit((tx) => insert(tx, 'kept-too'));
    await expect(bad).rejects.toThrow('boom');
    await Promise.all([good, after]);
    expect(seenByOther('kept').n).toBe(1);
    expect(seenByOther('kept-too').n).toBe(1);
    expect(seenByOther('rolled-back').n).toBe(0);
  });

  it('handles more jobs than one commit takes', async () => {
    const jobs = Array.from({ length: 600 }, (_, i) => groupCommit((tx) => insert(tx, `many-${i}`)));
    expect((await Promise.all(jobs)).reduce((a, b) => a + b, 0)).toBe(600);
    expect((other.prepare("SELECT count(*) AS n FROM gc_probe WHERE v LIKE 'many-%'").get() as { n: number }).n).toBe(600);
  });

  it('keeps a statement issued outside while a batch is open out of it', async () => {
    const failing = groupCommit(async (tx) => {
      await insert(tx, 'inside-failing');
      throw new Error('rolled back');
    });
    // Issued in the same turn, outside the group commit: it must not be rolled back with the job.
    const outside = (await engine()).run(sql`INSERT INTO gc_probe (v) VALUES (${'outside'})`);
    await expect(failing).rejects.toThrow('rolled back');
    await outside;
    expect(seenByOther('outside').n).toBe(1);
    expect(seenByOther('inside-failing').n).toBe(0);
  });

  it('rolls a savepoint back alone inside a job', async () => {
    await groupCommit(async (tx) => {
      await insert(tx, 'sp-kept');
      await expect(
        inSavepoint(tx, 'probe', async () => {
          await insert(tx, 'sp-dropped');
          throw new Error('inner');
        }),
      ).rejects.toThrow('inner');
    });
    expect(seenByOther('sp-kept').n).toBe(1);
    expect(seenByOther('sp-dropped').n).toBe(0);
  });
});
