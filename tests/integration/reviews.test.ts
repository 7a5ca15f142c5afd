import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { flag, int } from '@/db/engine/rows';
import { cardStates as cs, reviewLogs as l } from '@/db/schema';
import { recordReview, undoReview } from '@/db/queries/reviews';
import { setCardSuspended } from '@/db/queries/suspend';
import { studySettingsFor } from '@/db/queries/settings';
import { replayLog, type Grade } from '@/lib/scheduler';
import { cardIds, countOf, loadRealDeck, makeUser } from '../support/fixtures';
import { makeTinyDeck } from '../support/teach-fixtures';

const T0 = new Date('2026-03-02T09:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

function logCount(userId: number, cardId?: number) {
  const card = cardId === undefined ? sql`` : sql` AND ${l.cardId} = ${cardId}`;
  return countOf(sql`SELECT count(*) AS "n" FROM ${l} WHERE ${l.userId} = ${userId}${card}`);
}

/** Every column of the card's card_states row, under its schema name. */
const stateColumns = z.object({
  userId: int,
  cardId: int,
  due: int,
  stability: z.number(),
  difficulty: z.number(),
  scheduledDays: int,
  learningSteps: int,
  reps: int,
  lapses: int,
  state: int,
  lastReview: int.nullable(),
  suspended: flag,
  leech: flag,
  updatedAt: int,
});
async function stateRow(userId: number, cardId: number) {
  const columns = Object.keys(stateColumns.shape).map((name) => sql`${cs[name as keyof typeof stateColumns.shape]} AS ${sql.identifier(name)}`);
  return (await engine()).get(sql`SELECT ${sql.join(columns, sql`, `)} FROM ${cs} WHERE ${cs.userId} = ${userId} AND ${cs.cardId} = ${cardId}`, stateColumns);
}

async function logOf(userId: number, cardId: number) {
  const rows = await (await engine()).all(
    sql`SELECT ${l.rating} AS "rating", ${l.reviewedAt} AS "reviewedAt" FROM ${l}
        WHERE ${l.userId} = ${userId} AND ${l.cardId} = ${cardId} AND ${l.undoneAt} IS NULL ORDER BY ${l.reviewedAt}, ${l.id}`,
    z.object({ rating: int, reviewedAt: int }),
  );
  return rows.map((r) => ({ grade: r.rating as Grade, reviewedAt: new Date(r.reviewedAt) }));
}

describe('recording reviews', () => {
  let cards: number[];
  beforeAll(async () => {
    await loadRealDeck();
    cards = await cardIds();
  });

  it('writes the log row and the new state together', async () => {
    const user = await makeUser();
    const settings = await studySettingsFor(user.id);
    const card = cards[0] as number;
    const out = await recordReview(user.id, { cardId: card, grade: 3, clientId: 'a1', reviewedAt: T0, durationMs: 4200, source: 'review' }, settings, T0);
    expect(out.ok).toBe(true);
    expect(await logCount(user.id, card)).toBe(1);
    const row = await stateRow(user.id, card);
    // Good on a new card with steps 1m, 10m: due in 10 minutes, still learning.
    expect(row?.due).toBe(minutes(10).getTime());
    expect(row?.state).toBe(1);
    const log = await (await engine()).get(
      sql`SELECT ${l.rating} AS "rating", ${l.durationMs} AS "durationMs", ${l.stateBefore} AS "stateBefore", ${l.source} AS "source", ${l.clientId} AS "clientId"
          FROM ${l} WHERE ${l.userId} = ${user.id}`,
      z.object({ rating: int, durationMs: int, stateBefore: int, source: z.string(), clientId: z.string() }),
    );
    expect(log).toEqual({ rating: 3, durationMs: 4200, stateBefore: 0, source: 'review', clientId: 'a1' });
  });

  it('records a grade sent five times once', async () => {
    const user = await makeUser();
    const settings = await studySettingsFor(user.id);
    const card = cards[1] as number;
    // All five in flight at once: each is its own transaction, and the engine serialises them.
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => recordReview(user.id, { cardId: card, grade: 3, clientId: 'same-id', reviewedAt: T0, durationMs: 1000, source: 'review' }, settings, T0)),
    );
    expect(outcomes.filter((o) => o.status === 'recorded')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'duplicate')).toHaveLength(4);
    expect(await logCount(user.id, card)).toBe(1);
    expect((await stateRow(user.id, card))?.reps).toBe(1);
  });

  it('merges a late grade from another device by replaying the log in time order', async () => {
    const user = await makeUser();
    const settings = await studySettingsFor(user.id);
    const card = cards[2] as number;
    // Device A grades at t0 and t+20m; device B's grade made at t+10m arrives last.
    await recordReview(user.id, { cardId: card, grade: 3, clientId: 'A1', reviewedAt: T0, durationMs: 1, source: 'review' }, settings, T0);
    await recordReview(user.id, { cardId: card, grade: 3, clientId: 'A2', reviewedAt: minutes(20), durationMs: 1, source: 'review' }, settings, minutes(20));
    await recordReview(user.id, { cardId: card, grade: 1, clientId: 'B1', reviewedAt: minutes(10), durationMs: 1, source: 'review' }, settings, minutes(30));
    const replayed = replayLog(await logOf(user.id, card), settings.scheduler);
    const row = await stateRow(user.id, card);
    expect(await logCount(user.id, card)).toBe(3);
    expect(row?.due).toBe(replayed?.due.getTime());
    expect(row?.stability).toBeCloseTo(replayed?.stability ?? -1, 10);
    expect(row?.reps).toBe(3);
    expect(row?.lastReview).toBe(minutes(20).getTime());
    // The late log row records the state the card was in at its own time (learning after A1).
    const late = await (await engine()).get(
      sql`SELECT ${l.stateBefore} AS "stateBefore" FROM ${l} WHERE ${l.clientId} = 'B1' AND ${l.userId} = ${user.id}`,
      z.object({ stateBefore: int }),
    );
    expect(late?.stateBefore).toBe(1);
  });

  it('undo restores the exact previous state, including due', async () => {
    const user = await makeUser();
    const settings = await studySettingsFor(user.id);
    const card = cards[3] as number;
    await recordReview(user.id, { cardId: card, grade: 3, clientId: 'u1', reviewedAt: T0, durationMs: 1, source: 'review' }, settings, T0);
    await recordReview(user.id, { cardId: card, grade: 3, clientId: 'u2', reviewedAt: minutes(15), durationMs: 1, source: 'review' }, settings, minutes(15));
    const before = await stateRow(user.id, card);
    await recordReview(user.id, { cardId: card, grade: 1, clientId: 'u3', reviewedAt: minutes(3000), durationMs: 1, source: 'review' }, settings, minutes(3000));
    expect(await stateRow(user.id, card)).not.toEqual(before);
    expect((await undoReview(user.id, 'u3', minutes(3001))).ok).toBe(true);
    const after = await stateRow(user.id, card);
    expect({ ...after, updatedAt: 0 }).toEqual({ ...before, updatedAt: 0 });
    // An older review can't be undone once a later one stands; undoing the first review of a card deletes its state.
    expect((await undoReview(user.id, 'u1', minutes(3002))).ok).toBe(false);
    expect((await undoReview(user.id, 'u2', minutes(3002))).ok).toBe(true);
    expect((await undoReview(user.id, 'u1', minutes(3003))).ok).toBe(true);
    expect(await stateRow(user.id, card)).toBeUndefined();
    expect(await logCount(user.id, card)).toBe(3); // history stays, marked undone
  });

  it('flags and suspends a leech at the eighth lapse', async () => {
    const user = await makeUser();
    const settings = await studySettingsFor(user.id);
    const card = cards[4] as number;
    let t = T0.getTime();
    let n = 0;
    const grade = async (g: Grade) => {
      n += 1;
      return await recordReview(user.id, { cardId: card, grade: g, clientId: `l${n}`, reviewedAt: new Date(t), durationMs: 1, source: 'review' }, settings, new Date(t));
    };
    await grade(4); // straight to review
    for (let lapse = 1; lapse <= 8; lapse++) {
      t = ((await stateRow(user.id, card))?.due ?? t) + 60_000;
      const out = await grade(1);
      t = ((await stateRow(user.id, card))?.due ?? t) + 60_000;
      await grade(3);
      if (lapse < 8) expect(out.status === 'recorded' && out.leech).toBe(false);
      else expect(out.status === 'recorded' && out.leech && out.suspended).toBe(true);
    }
    expect(await stateRow(user.id, card)).toMatchObject({ lapses: 8, leech: true, suspended: true });
  });

  it('undo keeps a suspension made by hand after the undone review', async () => {
    const user = await makeUser();
    const settings = await studySettingsFor(user.id);
    const [fresh, seen] = [cards[5] as number, cards[6] as number];
    const grade = async (cardId: number, clientId: string, at: Date) => await recordReview(user.id, { cardId, grade: 3, clientId, reviewedAt: at, durationMs: 1, source: 'review' }, settings, at);
    // First review of a card, then suspended: undoing the review leaves a new card, still suspended.
    await grade(fresh, 's1', minutes(0));
    await setCardSuspended(user.id, fresh, true, minutes(1));
    expect((await undoReview(user.id, 's1', minutes(2))).ok).toBe(true);
    expect(await stateRow(user.id, fresh)).toMatchObject({ state: 0, reps: 0, lastReview: null, suspended: true, leech: false });
    // A later review undone after a suspension: the memory state goes back, the suspension stays.
    await grade(seen, 's2', minutes(0));
    const afterFirst = await stateRow(user.id, seen);
    await grade(seen, 's3', minutes(20));
    await setCardSuspended(user.id, seen, true, minutes(21));
    expect((await undoReview(user.id, 's3', minutes(22))).ok).toBe(true);
    expect(await stateRow(user.id, seen)).toMatchObject({ due: afterFirst?.due, stability: afterFirst?.stability, reps: afterFirst?.reps, suspended: true });
    // Without any change by hand, undoing a first review still removes the card's state.
    await grade(cards[7] as number, 's4', minutes(30));
    expect((await undoReview(user.id, 's4', minutes(31))).ok).toBe(true);
    expect(await stateRow(user.id, cards[7] as number)).toBeUndefined();
  });

  it('undoing the review that made a card a leech clears the flag and its suspension', async () => {
    const user = await makeUser();
    const settings = await studySettingsFor(user.id);
    const card = cards[8] as number;
    let t = T0.getTime();
    let n = 0;
    const grade = async (g: Grade) => {
      n += 1;
      await recordReview(user.id, { cardId: card, grade: g, clientId: `k${n}`, reviewedAt: new Date(t), durationMs: 1, source: 'review' }, settings, new Date(t));
      return `k${n}`;
    };
    await grade(4);
    let last = '';
    for (let lapse = 1; lapse <= 8; lapse++) {
      t = ((await stateRow(user.id, card))?.due ?? t) + 60_000;
      last = await grade(1);
      if (lapse < 8) {
        t = ((await stateRow(user.id, card))?.due ?? t) + 60_000;
        await grade(3);
      }
    }
    expect(await stateRow(user.id, card)).toMatchObject({ lapses: 8, leech: true, suspended: true });
    expect((await undoReview(user.id, last, new Date(t + 1000))).ok).toBe(true);
    expect(await stateRow(user.id, card)).toMatchObject({ lapses: 7, leech: false, suspended: false });
  });

  it('refuses a card from another user’s private deck and a time in the future', async () => {
    const owner = await makeUser('instructor');
    const other = await makeUser();
    const card = { id: (await makeTinyDeck('private-deck', owner.id)).c1 }; // a basic card only its owner studies
    const settings = await studySettingsFor(other.id);
    const foreign = await recordReview(other.id, { cardId: card.id, grade: 3, clientId: 'f1', reviewedAt: T0, durationMs: 1, source: 'review' }, settings, T0);
    expect(foreign).toMatchObject({ ok: false, reason: 'unknown_card' });
    const future = await recordReview(other.id, { cardId: cards[0] as number, grade: 3, clientId: 'f2', reviewedAt: minutes(60), durationMs: 1, source: 'review' }, settings, T0);
    expect(future).toMatchObject({ ok: false, reason: 'future_time' });
    expect(await logCount(other.id)).toBe(0);
  });
});

describe('two tabs grading the same card at the same moment', () => {
  it('records both and leaves the state equal to a replay of the log', async () => {
    await loadRealDeck();
    const user = await makeUser();
    const settings = await studySettingsFor(user.id);
    const card = (await cardIds())[5] as number;
    await recordReview(user.id, { cardId: card, grade: 3, clientId: 'tab-a', reviewedAt: T0, durationMs: 1, source: 'review' }, settings, T0);
    await recordReview(user.id, { cardId: card, grade: 1, clientId: 'tab-b', reviewedAt: T0, durationMs: 1, source: 'review' }, settings, T0);
    const replayed = replayLog(await logOf(user.id, card), settings.scheduler);
    const row = await stateRow(user.id, card);
    expect(await logCount(user.id, card)).toBe(2);
    expect(row?.reps).toBe(2);
    expect(row?.due).toBe(replayed?.due.getTime());
    expect(row?.state).toBe(replayed?.state);
  });
});
