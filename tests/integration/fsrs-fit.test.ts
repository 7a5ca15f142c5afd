/**
 * Fitting FSRS parameters against a real database (either engine): personal fits, pools for newcomers, and the
 * replay of card states after adoption while grades keep arriving.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { default_w } from 'ts-fsrs';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { bare } from '@/db/engine/fragments';
import { flag, int } from '@/db/engine/rows';
import { assignments, cards as cardsTable, cardStates as cs, classes, enrollments, fsrsFits, reviewLogs as l, userSettings as us } from '@/db/schema';
import { applyBestPool, fitPoolParameters, fitUserParameters, parametersInUse } from '@/db/queries/fsrs-parameters';
import { rebuildCardStates } from '@/db/queries/fsrs-rebuild';
import { recordReview } from '@/db/queries/reviews';
import { studySettingsFor, type StudySettings } from '@/db/queries/settings';
import { rowToState } from '@/db/card-state-row';
import { replayLog, type Grade } from '@/lib/scheduler';
import type { Optimiser } from '@/lib/scheduler/fit';
import { LEARNER_WEIGHTS, simulateLearner } from '../support/simulated-learner';
import { cardIds, countOf, exec, loadRealDeck, makeUser } from '../support/fixtures';

let cards: number[];
beforeAll(async () => {
  await loadRealDeck();
  cards = await cardIds();
});

/** Records a simulated learner's reviews through the real grade path, on the real deck's cards. */
async function recordHistory(userId: number, seed: number, days = 240, start = new Date('2026-01-05T10:00:00Z')) {
  const reviews = simulateLearner({ cards: cards.length, days, seed, start });
  const settings = await studySettingsFor(userId);
  let n = 0;
  for (const r of reviews) {
    const out = await recordReview(
      userId,
      { cardId: cards[r.cardId - 1]!, grade: r.rating, clientId: `sim-${seed}-${n++}`, reviewedAt: new Date(r.reviewedAt), durationMs: 3000, source: 'review' },
      settings,
      new Date(r.reviewedAt),
    );
    if (!out.ok) throw new Error(out.message);
  }
  return reviews.length;
}

async function statesMatchReplay(userId: number) {
  const { scheduler } = await studySettingsFor(userId);
  const db = await engine();
  const rows = await db.all(
    sql`SELECT ${cs.cardId} AS "cardId", ${cs.due} AS "due", ${cs.stability} AS "stability", ${cs.difficulty} AS "difficulty", ${cs.scheduledDays} AS "scheduledDays",
          ${cs.learningSteps} AS "learningSteps", ${cs.reps} AS "reps", ${cs.lapses} AS "lapses", ${cs.state} AS "state", ${cs.lastReview} AS "lastReview"
        FROM ${cs} WHERE ${cs.userId} = ${userId}`,
    z.object({ cardId: int, due: int, stability: z.number(), difficulty: z.number(), scheduledDays: int, learningSteps: int, reps: int, lapses: int, state: int, lastReview: int.nullable() }),
  );
  let mismatches = 0;
  for (const row of rows) {
    const log = await db.all(
      sql`SELECT ${l.rating} AS "rating", ${l.reviewedAt} AS "at" FROM ${l}
          WHERE ${l.userId} = ${userId} AND ${l.cardId} = ${row.cardId} AND ${l.undoneAt} IS NULL ORDER BY ${l.reviewedAt}, ${l.id}`,
      z.object({ rating: int, at: int }),
    );
    const entries = log.map((e) => ({ grade: e.rating as Grade, reviewedAt: new Date(e.at) }));
    if (JSON.stringify(replayLog(entries, scheduler)) !== JSON.stringify(rowToState(row))) mismatches++;
  }
  return { cards: rows.length, mismatches };
}

/** A class (of a new instructor) that is assigned the real deck. */
async function classAssigningTheDeck(name: string, joinCode: string) {
  const e = await engine();
  const instructor = await makeUser('instructor');
  const row = await e.get(
    sql`INSERT INTO ${classes} (${bare(classes.instructorId)}, ${bare(classes.name)}, ${bare(classes.joinCode)}) VALUES (${instructor.id}, ${name}, ${joinCode})
        RETURNING ${classes.id} AS "id"`,
    z.object({ id: int }),
  );
  if (!row) throw new Error('inserting a class returned no id');
  await e.run(sql`INSERT INTO ${assignments} (${bare(assignments.classId)}, ${bare(assignments.deckId)}, ${bare(assignments.dueAt)}) VALUES (${row.id}, 'war-for-peace', 0)`);
  return row;
}

const enrol = (classId: number, userId: number) =>
  exec(sql`INSERT INTO ${enrollments} (${bare(enrollments.classId)}, ${bare(enrollments.userId)}, ${bare(enrollments.joinedAt)}) VALUES (${classId}, ${userId}, 0)`);

/** Adopts `weights` whatever the data (scores favour them): for tests about what adoption does. */
const adopting = (weights: readonly number[]): Optimiser => ({
  fit: async () => [...weights],
  evaluate: async (w) => ({ logLoss: w && w[2] === weights[2] ? 0.2 : 0.4, rmse: 0.05 }),
});

describe('personal parameters', () => {
  it('fits a student with a long history, adopts the fit, and replays every card with it', async () => {
    const user = await makeUser();
    await recordHistory(user.id, 7, 600);
    const out = await fitUserParameters(user.id);
    expect(out.verdict.items).toBeGreaterThan(600);
    expect(out.verdict.adopted).toBe(true);
    expect(out.verdict.after!.logLoss).toBeLessThan(out.verdict.before!.logLoss);
    const inUse = await parametersInUse(user.id);
    expect(inUse).toMatchObject({ source: 'personal', fitId: out.fitId });
    expect(inUse.weights).toEqual(out.verdict.weights);
    expect(inUse.weights).not.toEqual(default_w);
    expect(out.rebuilt).toBe((await statesMatchReplay(user.id)).cards);
    expect((await statesMatchReplay(user.id)).mismatches).toBe(0);
    const f = fsrsFits;
    const fit = await (await engine()).get(
      sql`SELECT ${f.scope} AS "scope", ${f.scopeId} AS "scopeId", ${f.adopted} AS "adopted", ${f.reason} AS "reason" FROM ${f} WHERE ${f.id} = ${out.fitId}`,
      z.object({ scope: z.string(), scopeId: int.nullable(), adopted: flag, reason: z.string() }),
    );
    expect(fit).toEqual({ scope: 'user', scopeId: user.id, adopted: true, reason: 'better' });
  }, 60_000);

  it('keeps the defaults for a student with too little history, and records why', async () => {
    const user = await makeUser();
    const settings = await studySettingsFor(user.id);
    for (let i = 0; i < 5; i++) {
      await recordReview(user.id, { cardId: cards[i]!, grade: 3, clientId: `few-${i}`, reviewedAt: new Date(Date.UTC(2026, 1, 1 + i)), durationMs: 1000, source: 'review' }, settings, new Date(Date.UTC(2026, 1, 1 + i)));
    }
    const out = await fitUserParameters(user.id);
    expect(out.verdict).toMatchObject({ adopted: false, reason: 'too_little_history' });
    expect(await parametersInUse(user.id)).toEqual({ source: 'default', fitId: null, weights: null });
    expect(out.rebuilt).toBe(0);
  });
});

describe('pooled parameters', () => {
  it('moves a newcomer to the deck pool, and leaves a student with personal parameters alone', async () => {
    const veterans = [await makeUser(), await makeUser()];
    for (const [i, v] of veterans.entries()) await recordHistory(v.id, 20 + i, 120);
    const personal = await makeUser();
    await recordHistory(personal.id, 30, 60);
    await fitUserParameters(personal.id, { optimiser: adopting(default_w.map((w, i) => (i === 2 ? 5.5 : w))) });
    const newcomer = await makeUser();
    const s = await studySettingsFor(newcomer.id);
    await recordReview(newcomer.id, { cardId: cards[0]!, grade: 3, clientId: 'n1', reviewedAt: new Date('2026-06-01T10:00:00Z'), durationMs: 1000, source: 'review' }, s, new Date('2026-06-01T10:00:00Z'));

    const pool = await fitPoolParameters({ kind: 'deck', deckId: 'war-for-peace' }, { optimiser: adopting(LEARNER_WEIGHTS) });
    expect(pool.verdict.adopted).toBe(true);
    const learners = await countOf(
      sql`SELECT count(DISTINCT ${l.userId}) AS "n" FROM ${l} JOIN ${cardsTable} ON ${cardsTable.id} = ${l.cardId} WHERE ${cardsTable.deckId} = 'war-for-peace'`,
    );
    expect(pool.learners).toBe(learners);
    expect(await parametersInUse(newcomer.id)).toMatchObject({ source: 'deck', fitId: pool.fitId, weights: [...LEARNER_WEIGHTS] });
    expect((await statesMatchReplay(newcomer.id)).mismatches).toBe(0);
    expect((await parametersInUse(personal.id)).source).toBe('personal');
    // Applying again changes nothing.
    expect(await applyBestPool(newcomer.id)).toBeNull();
  }, 60_000);

  it('does not adopt a pool fit that predicts the pool worse than its current parameters', async () => {
    const worse: Optimiser = { fit: async () => [...LEARNER_WEIGHTS], evaluate: async (w) => ({ logLoss: w === null ? 0.3 : 0.35, rmse: 0.05 }) };
    const classRow = await classAssigningTheDeck('C', 'POOLTEST01');
    const student = await makeUser();
    await enrol(classRow.id, student.id);
    await recordHistory(student.id, 40, 120);
    const before = await parametersInUse(student.id);
    const out = await fitPoolParameters({ kind: 'class', classId: classRow.id }, { optimiser: worse });
    expect(out.verdict).toMatchObject({ adopted: false, reason: 'not_better' });
    expect(await parametersInUse(student.id)).toEqual(before);
  }, 60_000);

  it('a refit of every pool moves each student once, after all pools are fitted, and replays their cards once', async () => {
    const classRow = await classAssigningTheDeck('R', 'REFITALL01');
    const student = await makeUser();
    await enrol(classRow.id, student.id);
    await recordHistory(student.id, 50, 90);
    const weights = default_w.map((w, i) => (i === 2 ? 4.4 : w));
    const { refitPools } = await import('@/db/queries/fsrs-refit');
    const moved: number[] = [];
    const refit = await refitPools((_scope, out) => moved.push(out.switched), { optimiser: adopting(weights) });
    // Nobody moved while pools were being fitted: only at the end, once.
    expect(moved.every((n) => n === 0)).toBe(true);
    expect(refit.pools.some((p) => p.verdict.adopted)).toBe(true);
    // The student is on their class's pool (a class pool comes before a deck pool), states replayed with it.
    const { fitId: inUseFit } = await parametersInUse(student.id);
    const classFit = refit.pools.find((p) => p.fitId === inUseFit);
    expect(await parametersInUse(student.id)).toMatchObject({ source: 'class', weights });
    expect(classFit?.verdict.adopted).toBe(true);
    expect((await statesMatchReplay(student.id)).mismatches).toBe(0);
    // Every card replayed belongs to a student who moved, each student counted once.
    const pooled = await (await engine()).all(sql`SELECT ${us.userId} AS "userId" FROM ${us} WHERE ${us.fsrsSource} IN ('deck', 'class')`, z.object({ userId: int }));
    let pooledCards = 0;
    for (const u of pooled) {
      pooledCards += await countOf(sql`SELECT count(DISTINCT ${l.cardId}) AS "n" FROM ${l} WHERE ${l.userId} = ${u.userId} AND ${l.undoneAt} IS NULL`);
    }
    expect(refit.switched).toBe(pooled.length);
    expect(refit.rebuilt).toBe(pooledCards);
    // A second refit with nothing new to adopt moves nobody.
    const again = await refitPools(undefined, { optimiser: adopting(weights) });
    expect(again).toMatchObject({ switched: 0, rebuilt: 0 });
  }, 120_000);
});

describe('replaying card states while grades arrive', () => {
  it('loses no grade, applies none twice, and ends with every state equal to a replay with the new parameters', async () => {
    const user = await makeUser();
    const n = await recordHistory(user.id, 50, 90, new Date('2026-02-02T10:00:00Z'));
    const stale = await studySettingsFor(user.id); // read before the parameters change, as a request in flight would
    await fitUserParameters(user.id, { optimiser: adopting(LEARNER_WEIGHTS) }); // adopts and rebuilds once
    const weights = (await engine()).fragments.json(default_w.map((w, i) => (i === 8 ? 1.3 : w)));
    await exec(sql`UPDATE ${us} SET ${bare(us.fsrsWeights)} = ${weights} WHERE ${us.userId} = ${user.id}`);

    const at = new Date('2026-05-10T10:00:00Z');
    let graded = 0;
    const grade = async (cardId: number, given?: StudySettings) => {
      const settings = given ?? (await studySettingsFor(user.id));
      const out = await recordReview(user.id, { cardId, grade: 3, clientId: `during-${graded++}`, reviewedAt: at, durationMs: 1000, source: 'review' }, settings, at);
      expect(out.ok).toBe(true);
    };
    const progress = await rebuildCardStates(user.id, {
      batchSize: 10,
      now: () => at.getTime(),
      afterBatch: async ({ done }) => {
        await grade(cards[done - 1]!); // a card this rebuild has replayed already
        await grade(cards[Math.min(cards.length - 1, done + 5)]!); // one it has not reached yet
        if (done === 20) await grade(cards[2]!, stale); // scheduled with the old parameters
      },
    });
    expect(progress.done).toBe(progress.total);
    const logs = await (await engine()).get(
      sql`SELECT count(*) AS "n", count(DISTINCT ${l.clientId}) AS "d" FROM ${l} WHERE ${l.userId} = ${user.id}`,
      z.object({ n: int, d: int }),
    );
    expect(logs).toEqual({ n: n + graded, d: n + graded });
    expect((await statesMatchReplay(user.id)).mismatches).toBe(0);
  }, 60_000);
});
