// The progress and FSRS query modules (db/queries/progress*.ts, fsrs-*.ts) give the same answers
// and make the same writes on PostgreSQL as on SQLite: the same rows go into both, every function
// runs on SQLite first, then on PostgreSQL, and the results must be equal.
// Until settings.ts is on the engine, studySettingsFor reads the SQLite file on both runs (the
// same rows are there, and the SQLite run writes the parameters first), so this compares our SQL only.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { db as sqliteDb } from '@/db';
import * as sqliteSchema from '@/db/schema';
import * as pgSchema from '@/db/schema.pg';
import type { PgDb } from '@/db/pg/connection';
import { sqliteEngine } from '@/db/engine/sqlite';
import { flag, int } from '@/db/engine/rows';
import type { Engine } from '@/db/engine/types';
import type { Optimiser } from '@/lib/scheduler/fit';
import { migratedTestDatabase } from '../support/pg-database';
import { LEARNER_WEIGHTS } from '../support/simulated-learner';

const DAY = 86_400_000;
const NOW = new Date('2026-03-10T15:00:00Z');
const AT = new Date('2026-01-01T00:00:00Z');
const CLOCK = new Date('2026-03-10T16:00:00Z');

let pg: PgDb;
let pgEngine: Engine;
const sqlite = sqliteEngine(sqliteDb);
const slot = globalThis as unknown as { appEngine?: Promise<Engine> };

/** Runs `fn` with the app's engine set to `e` (engine() is one per process; the two runs take turns). */
async function on<T>(e: Engine, fn: () => Promise<T>): Promise<T> {
  slot.appEngine = Promise.resolve(e);
  return fn();
}
/** `fn` on SQLite, then on PostgreSQL, each from the same instant of the app's clock (fits record when they ran). */
async function both<T>(fn: () => Promise<T>): Promise<{ sqlite: T; pg: T }> {
  vi.setSystemTime(CLOCK);
  const onSqlite = await on(sqlite, fn);
  vi.setSystemTime(CLOCK);
  const onPg = await on(pgEngine, fn);
  return { sqlite: onSqlite, pg: onPg };
}

type Table = 'users' | 'userSettings' | 'decks' | 'sections' | 'cards' | 'cardStates' | 'reviewLogs' | 'classes' | 'enrollments' | 'assignments';
async function insert(table: Table, rows: Record<string, unknown>[]): Promise<void> {
  sqliteDb.insert(sqliteSchema[table] as typeof sqliteSchema.users).values(rows as never).run();
  await pg.insert(pgSchema[table] as typeof pgSchema.users).values(rows as never);
}

const LEARNER = 1;
const OTHER = 2;
const CARDS = [1, 2, 3, 4, 5, 6, 7, 8];

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  const created = await migratedTestDatabase('fsrs_progress');
  pg = created.db;
  process.env.DATABASE_URL = created.url;
  const { postgresEngine } = await import('@/db/engine/postgres');
  pgEngine = postgresEngine(pg);

  await insert('users', [
    { id: LEARNER, email: 'learner@parity.test', name: 'Learner', passwordHash: 'x', createdAt: AT },
    { id: OTHER, email: 'other@parity.test', name: 'Other', passwordHash: 'x', role: 'instructor', createdAt: AT },
  ]);
  await insert('userSettings', [{ userId: LEARNER }, { userId: OTHER }]);
  await insert('decks', [
    { id: 'parity', title: 'Parity deck', createdAt: AT },
    { id: 'private', title: 'Private deck', ownerId: OTHER, position: 1, createdAt: AT },
  ]);
  await insert('sections', [
    { id: 1, deckId: 'parity', key: 's1', title: 'One', position: 0 },
    { id: 2, deckId: 'parity', key: 's2', title: 'Two', position: 1 },
    { id: 3, deckId: 'private', key: 'p1', title: 'Private', position: 0 },
  ]);
  await insert(
    'cards',
    CARDS.map((id) => ({
      id,
      deckId: id === 8 ? 'private' : 'parity',
      sectionId: id === 8 ? 3 : id <= 4 ? 1 : 2,
      key: `k${id}`,
      itemId: `item-${id}`,
      type: 'basic',
      position: id,
      prompt: `Prompt ${id}`,
      answer: 'a',
      payload: { type: 'basic' },
      contentHash: 'h',
      retiredAt: id === 7 ? AT : null,
      updatedAt: AT,
    })),
  );
  // The learner's log: each card on several days, a few Agains, long answers (capped), a quiz, an undone review.
  const logs: Record<string, unknown>[] = [];
  let n = 0;
  for (const card of CARDS.slice(0, 6)) {
    // 13 reviews a card, 3 days apart: 72 training items, past the optimiser's 64.
    for (let k = 0; k < 13; k++) {
      const at = NOW.getTime() - (45 - k * 3 - card) * DAY + card * 3_600_000;
      const rating = (card + k) % 5 === 0 ? 1 : 3;
      logs.push({
        userId: LEARNER, cardId: card, clientId: `l${n++}`, rating, reviewedAt: at, durationMs: k === 2 ? 95_000 : 4_000 + card * 100,
        stateBefore: k === 0 ? 0 : 2, dueAfter: at + DAY, stabilityAfter: 2, difficultyAfter: 5, scheduledDays: 1,
        source: k === 3 ? 'quiz' : 'review', undoneAt: card === 2 && k === 12 ? at : null, createdAt: at,
      });
    }
  }
  for (let i = 0; i < 5; i++) {
    const at = NOW.getTime() - i * 3_600_000;
    logs.push({ userId: OTHER, cardId: 1, clientId: `o${i}`, rating: 1, reviewedAt: at, durationMs: 1000, stateBefore: 2, dueAfter: at, stabilityAfter: 1, difficultyAfter: 5, scheduledDays: 0, createdAt: at });
  }
  await insert('reviewLogs', logs);
  await insert(
    'cardStates',
    CARDS.slice(0, 6).map((card) => ({
      userId: LEARNER, cardId: card, due: NOW.getTime() + (card - 3) * DAY, stability: card * 1.5, difficulty: 3 + card / 2, scheduledDays: card,
      learningSteps: 0, reps: 7, lapses: card % 3, state: card === 6 ? 1 : 2, lastReview: NOW.getTime() - card * DAY,
      suspended: card === 5, leech: card === 4, updatedAt: 0,
    })),
  );
  await insert('classes', [{ id: 1, instructorId: OTHER, name: 'Class', joinCode: 'PARITY0001', createdAt: AT }]);
  await insert('enrollments', [{ classId: 1, userId: LEARNER, joinedAt: AT.getTime() }]);
  await insert('assignments', [{ classId: 1, deckId: 'parity', dueAt: NOW.getTime() + 7 * DAY, createdAt: AT }]);
});

afterAll(async () => {
  vi.useRealTimers();
  delete slot.appEngine;
  await pgEngine?.close();
  await sqlite.close();
});

const settings = { timeZone: 'America/New_York', rolloverHour: 4 };
/** Adopts `weights` whatever the data: what adoption does is what is compared. */
const adopting = (weights: readonly number[]): Optimiser => ({
  fit: async () => [...weights],
  evaluate: async (w) => ({ logLoss: w && w[2] === weights[2] ? 0.2 : 0.4, rmse: 0.05 }),
});

describe('progress on both engines', () => {
  it('gives the same page: activity, retention, heatmap, forecast, mastery, hardest cards, flags', async () => {
    const { progressFor } = await import('@/db/queries/progress');
    const { studySettingsFor } = await import('@/db/queries/settings');
    const given = { ...(await studySettingsFor(LEARNER)), ...settings };
    for (const at of [NOW, new Date(NOW.getTime() - 20 * DAY)]) {
      const out = await both(() => progressFor(LEARNER, at, given));
      expect(out.pg).toEqual(out.sqlite);
    }
    const { sqlite: p } = await both(() => progressFor(LEARNER, NOW, given));
    // The data has what the comparison is meant to cover.
    expect(p.totalReviews).toBe(77);
    expect(p.studyTime.totalMs).toBeGreaterThan(0);
    expect(p.retention.last30.total).toBeGreaterThan(0);
    expect(p.decks.map((d) => d.id)).toEqual(['parity']);
    expect(p.decks[0]?.counts).toMatchObject({ suspended: 1, total: 6 });
    expect(p.hardest.length).toBeGreaterThan(0);
    expect(p.flaggedCount).toBe(2);
  });

  it('ranks the same hardest cards with and without the lapse cutoff', async () => {
    const { hardestCardsFor } = await import('@/db/queries/progress-cards');
    for (const n of [1, 2, 3, 10]) {
      const out = await both(() => hardestCardsFor(LEARNER, ['parity', 'private'], n));
      expect(out.pg).toEqual(out.sqlite);
    }
  });
});

describe('FSRS parameters on both engines', () => {
  it('reads the same histories and pools', async () => {
    const { historyOfUser, historyOfPool } = await import('@/db/queries/fsrs-history');
    const { poolScopes } = await import('@/db/queries/fsrs-refit');
    const user = await both(() => historyOfUser(LEARNER));
    expect(user.pg).toEqual(user.sqlite);
    expect(user.sqlite.items.length).toBeGreaterThanOrEqual(64);
    const scopes = await both(() => poolScopes());
    expect(scopes.pg).toEqual(scopes.sqlite);
    expect(scopes.sqlite).toEqual([{ kind: 'deck', deckId: 'parity' }, { kind: 'class', classId: 1 }]);
    for (const scope of scopes.sqlite) {
      const pool = await both(() => historyOfPool(scope));
      expect(pool.pg).toEqual(pool.sqlite);
    }
  });

  it('claims a fit run once, shows its progress, and ends it', async () => {
    const { claimFitRun, fitProgressOf } = await import('@/db/queries/fsrs-fit-runs');
    const out = await both(async () => {
      const run = await claimFitRun(OTHER);
      const second = await claimFitRun(OTHER);
      run?.progress({ phase: 'replaying', done: 2, total: 5 });
      await run?.end(); // waits for the progress write
      return { claimed: run !== null, second, after: await fitProgressOf(OTHER) };
    });
    expect(out.pg).toEqual(out.sqlite);
    expect(out.sqlite).toEqual({ claimed: true, second: null, after: null });
  });

  it('fits pools and a student the same way, and replays the cards to the same states', async () => {
    const { fitPoolParameters, fitUserParameters, parametersInUse, dropPersonalParameters } = await import('@/db/queries/fsrs-parameters');
    const { refitPools } = await import('@/db/queries/fsrs-refit');
    const { memoryModelReport, workloadFor } = await import('@/db/queries/fsrs-report');
    const states = (e: Engine) =>
      e.all(
        sql`SELECT card_id AS "cardId", due AS "due", stability AS "stability", reps AS "reps", lapses AS "lapses", state AS "state",
              suspended AS "suspended" FROM card_states WHERE user_id = ${LEARNER} ORDER BY card_id`,
        z.object({ cardId: int, due: int, stability: z.number(), reps: int, lapses: int, state: int, suspended: flag }),
      );
    const weights = LEARNER_WEIGHTS.map((w, i) => (i === 2 ? w + 0.25 : w));

    const deckPool = await both(() => fitPoolParameters({ kind: 'deck', deckId: 'parity' }, { optimiser: adopting(LEARNER_WEIGHTS) }));
    expect(deckPool.pg).toEqual(deckPool.sqlite);
    expect(deckPool.sqlite).toMatchObject({ learners: 2, switched: 2 }); // the instructor reviewed a card of the deck too
    expect(await states(pgEngine)).toEqual(await states(sqlite));

    const refit = await both(() => refitPools(undefined, { optimiser: adopting(weights) }));
    expect(refit.pg).toEqual(refit.sqlite);
    const pooled = await both(() => parametersInUse(LEARNER));
    expect(pooled.pg).toEqual(pooled.sqlite);
    expect(pooled.sqlite.source).toBe('class'); // a class pool comes before a deck pool

    const personal = await both(() => fitUserParameters(LEARNER, { optimiser: adopting(LEARNER_WEIGHTS) }));
    expect(personal.pg).toEqual(personal.sqlite);
    expect(personal.sqlite.verdict.adopted).toBe(true);
    expect(await states(pgEngine)).toEqual(await states(sqlite));

    const report = await both(() => memoryModelReport(LEARNER, NOW));
    expect(report.pg).toEqual(report.sqlite);
    expect(report.sqlite).toMatchObject({ source: 'personal', reviews: 77, lastFit: { adopted: true, reason: 'better' } });
    const workload = await both(() => workloadFor(LEARNER, [0.8, 0.9], NOW));
    expect(workload.pg).toEqual(workload.sqlite);

    await both(() => dropPersonalParameters(LEARNER));
    const back = await both(async () => ({ inUse: await parametersInUse(LEARNER), report: await memoryModelReport(LEARNER, NOW) }));
    expect(back.pg).toEqual(back.sqlite);
    expect(back.sqlite.inUse.source).toBe('class');
    expect(back.sqlite.report.poolName).toBe('Class');
    expect(await states(pgEngine)).toEqual(await states(sqlite));
  }, 60_000);
});
