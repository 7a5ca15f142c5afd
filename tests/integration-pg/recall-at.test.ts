// recall_at on PostgreSQL (db/migrations-pg/0001_recall_at.sql) gives the number ts-fsrs gives:
// its forgetting curve on a grid of (stability, elapsed days, decay), and the app's recall_at on
// SQLite (db/recall-function.ts, JavaScript, registered when the connection opens) for the same (last review, stability, at, weights),
// including the edge cases (no review yet, no stability, a review after `at`, weights of each
// FSRS version, weights that are not weights). Tolerance 1e-9; both round to 8 decimals.
import { forgetting_curve, default_w } from 'ts-fsrs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PgDb } from '@/db/pg/connection';
import { migratedTestDatabase } from '../support/pg-database';

let pgDb: PgDb;
beforeAll(async () => {
  ({ db: pgDb } = await migratedTestDatabase('recall_at'));
});
afterAll(async () => {
  await pgDb?.$client.end();
});

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 15, 8, 30);

describe('fsrs_forgetting_curve matches ts-fsrs forgetting_curve', () => {
  const stabilities = [0.001, 0.1, 1, 2.3065, 10, 57.3, 365.25, 36500];
  const elapsed = [0, 0.0001, 0.5, 1, 3.7, 10, 100, 1000, 36500];
  const decays = [0.1, default_w[20]!, 0.2, 0.5, 0.8];
  const cases = stabilities.flatMap((s) => elapsed.flatMap((t) => decays.map((d) => ({ s, t, d }))));

  it(`on ${cases.length} (stability, elapsed, decay) cases within 1e-9`, async () => {
    const { rows } = await pgDb.$client.query<{ r: number }>(
      `SELECT fsrs_forgetting_curve(d, t, s) AS r
       FROM unnest($1::float8[], $2::float8[], $3::float8[]) WITH ORDINALITY AS c(d, t, s, i) ORDER BY i`,
      [cases.map((c) => c.d), cases.map((c) => c.t), cases.map((c) => c.s)],
    );
    expect(rows).toHaveLength(cases.length);
    const worst = Math.max(...cases.map((c, i) => Math.abs(rows[i]!.r - forgetting_curve(c.d, c.t, c.s))));
    expect(worst).toBeLessThanOrEqual(1e-9);
    // Not a constant: the grid spans the curve.
    expect(new Set(rows.map((r) => r.r)).size).toBeGreaterThan(100);
  });
});

describe('recall_at on PostgreSQL equals recall_at on SQLite', () => {
  const w21 = (decay: number) => JSON.stringify([...default_w.slice(0, 20), decay]);
  const weights: [string, string | null][] = [
    ['no weights (defaults)', null],
    ['FSRS-6 defaults', JSON.stringify(default_w)],
    ['a fitted decay', w21(0.31)],
    ['a decay below the range (clamped to 0.1)', w21(0.05)],
    ['a decay above the range (clamped to 0.8)', w21(0.95)],
    ['a decay of 0', w21(0)],
    ['FSRS-5 (19 weights: decay 0.5)', JSON.stringify(default_w.slice(0, 19))],
    ['FSRS-4.5 (17 weights: decay 0.5)', JSON.stringify(default_w.slice(0, 17))],
    ['5 weights (defaults)', '[1,2,3,4,5]'],
    ['an object', '{"w": [1, 2]}'],
    ['a string', '"0.2"'],
    ['JSON null', 'null'],
    ['an array holding a string', JSON.stringify([...default_w.slice(0, 20), '0.3'])],
  ];
  const moments: [number | null, number | null, number][] = [
    [T0, 10, T0 + 10 * DAY],
    [T0, 2.3065, T0 + 3 * DAY + 17_000],
    [T0, 0.4, T0 + 20 * 60_000],
    [T0, 365, T0 + 1000 * DAY],
    [T0, 7, T0], // just reviewed
    [T0, 7, T0 - DAY], // reviewed after `at`: elapsed counts as 0
    [T0, 0, T0 + DAY], // no stability
    [T0, -1, T0 + DAY],
    [null, 10, T0 + DAY], // never reviewed
    [T0, null, T0 + DAY],
  ];
  const cases = weights.flatMap(([label, json]) => moments.map(([last, s, at]) => ({ label, json, last, s, at })));

  it(`on ${cases.length} cases within 1e-9`, async () => {
    // The SQLite side: the app's own connection with its JavaScript recall_at (on this file's temp SQLite database).
    const { db: sqliteDb } = await import('@/db');
    const sqliteRecall = sqliteDb.$client.prepare<[number | null, number | null, number, string | null], { r: number }>('SELECT recall_at(?, ?, ?, ?) AS r');
    const expected = cases.map((c) => sqliteRecall.get(c.last, c.s, c.at, c.json)!.r);

    const { rows } = await pgDb.$client.query<{ r: number }>(
      `SELECT recall_at(last, s, at, w) AS r
       FROM unnest($1::bigint[], $2::float8[], $3::bigint[], $4::jsonb[]) WITH ORDINALITY AS c(last, s, at, w, i) ORDER BY i`,
      [cases.map((c) => c.last), cases.map((c) => c.s), cases.map((c) => c.at), cases.map((c) => c.json)],
    );
    const mismatches = cases
      .map((c, i) => ({ ...c, pg: rows[i]!.r, sqlite: expected[i]! }))
      .filter((c) => !(Math.abs(c.pg - c.sqlite) <= 1e-9));
    expect(mismatches).toEqual([]);
    // The cases do exercise the decay: the same moment gives different recalls under different weights.
    // (Not at `stability` days, where every curve gives 0.9 by definition: at 1000 days of a 365-day stability.)
    expect(new Set(expected.filter((_, i) => i % moments.length === 3)).size).toBeGreaterThanOrEqual(5);
    expect(expected).toContain(0);
    expect(expected).toContain(1);
  });

  it('is declared IMMUTABLE, so an index or a generated column may use it', async () => {
    const { rows } = await pgDb.$client.query<{ proname: string; provolatile: string }>(
      `SELECT proname, provolatile FROM pg_proc WHERE proname IN ('recall_at', 'fsrs_decay', 'fsrs_forgetting_curve') ORDER BY proname`,
    );
    expect(rows).toEqual([
      { proname: 'fsrs_decay', provolatile: 'i' },
      { proname: 'fsrs_forgetting_curve', provolatile: 'i' },
      { proname: 'recall_at', provolatile: 'i' },
    ]);
  });
});
