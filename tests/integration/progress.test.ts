/**
 * /progress numbers on a known history, worked out by hand. The learner lives in New York
 * (rollover 4 am) and "now" is Tue 2026-03-10 11:00 EDT, two days after the switch to summer
 * time, so a UTC or fixed-offset day split would get several of these wrong.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { bare } from '@/db/engine/fragments';
import { int } from '@/db/engine/rows';
import { cards as cardsTable, cardStates, reviewLogs, sections } from '@/db/schema';
import { progressFor } from '@/db/queries/progress';
import { hardestCardsFor } from '@/db/queries/progress-cards';
import { REVIEW_HISTORY_HEADER, reviewHistoryCsv } from '@/db/queries/review-history';
import { hardestCards } from '@/lib/stats';
import { cardIds, exec, loadRealDeck, makeUser } from '../support/fixtures';

const NOW = new Date('2026-03-10T15:00:00Z');
const DAY = 86_400_000;

interface LogSpec {
  card: number;
  at: string;
  rating: number;
  stateBefore: number;
  durationMs: number;
  source?: 'review' | 'quiz';
  undone?: boolean;
}

let seq = 0;
async function insertLog(userId: number, l: LogSpec) {
  seq += 1;
  const at = Date.parse(l.at);
  const r = reviewLogs;
  await exec(
    sql`INSERT INTO ${r} (${bare(r.userId)}, ${bare(r.cardId)}, ${bare(r.clientId)}, ${bare(r.rating)}, ${bare(r.reviewedAt)}, ${bare(r.durationMs)}, ${bare(r.stateBefore)},
          ${bare(r.dueAfter)}, ${bare(r.stabilityAfter)}, ${bare(r.difficultyAfter)}, ${bare(r.scheduledDays)}, ${bare(r.source)}, ${bare(r.undoneAt)}, ${bare(r.createdAt)})
        VALUES (${userId}, ${l.card}, ${`log-${seq}`}, ${l.rating}, ${at}, ${l.durationMs}, ${l.stateBefore}, ${at + DAY}, 1, 5, 1, ${l.source ?? 'review'},
          ${l.undone ? at + 1000 : null}, ${at})`,
  );
}

interface StateSpec {
  card: number;
  state: number;
  due: number;
  stability?: number;
  lastReview?: number;
  lapses?: number;
  difficulty?: number;
  suspended?: boolean;
  leech?: boolean;
}

async function insertState(userId: number, s: StateSpec) {
  const f = (await engine()).fragments;
  const c = cardStates;
  await exec(
    sql`INSERT INTO ${c} (${bare(c.userId)}, ${bare(c.cardId)}, ${bare(c.due)}, ${bare(c.stability)}, ${bare(c.difficulty)}, ${bare(c.scheduledDays)}, ${bare(c.learningSteps)},
          ${bare(c.reps)}, ${bare(c.lapses)}, ${bare(c.state)}, ${bare(c.lastReview)}, ${bare(c.suspended)}, ${bare(c.leech)}, ${bare(c.updatedAt)})
        VALUES (${userId}, ${s.card}, ${s.due}, ${s.stability ?? 10}, ${s.difficulty ?? 5}, 1, 0, 3, ${s.lapses ?? 0}, ${s.state}, ${s.lastReview ?? NOW.getTime() - DAY},
          ${f.bool(s.suspended ?? false)}, ${f.bool(s.leech ?? false)}, 0)`,
  );
}

describe('progress of one learner', () => {
  let cards: number[];
  let c: (i: number) => number;
  let alice: { id: number };
  let bob: { id: number };

  beforeAll(async () => {
    await loadRealDeck();
    cards = await cardIds();
    c = (i) => cards[i] as number;
    alice = await makeUser('student', 'America/New_York');
    bob = await makeUser('student', 'America/New_York');
    const logs: LogSpec[] = [
      { card: c(1), at: '2026-01-20T15:00:00Z', rating: 1, stateBefore: 2, durationMs: 30_000 }, // outside 30 days
      { card: c(1), at: '2026-02-20T15:00:00Z', rating: 1, stateBefore: 2, durationMs: 30_000 }, // inside 30, outside 7
      ...[1, 2, 3, 4, 5].map((d) => ({ card: c(1), at: `2026-03-0${d}T15:00:00Z`, rating: 1, stateBefore: 1, durationMs: 70_000 })), // learning: no retention; capped
      { card: c(0), at: '2026-03-08T08:30:00Z', rating: 3, stateBefore: 2, durationMs: 0 }, // 04:30 EDT → study day 03-08 (03:30 if EST)
      { card: c(0), at: '2026-03-09T15:00:00Z', rating: 4, stateBefore: 2, durationMs: 8_000, source: 'quiz' },
      { card: c(0), at: '2026-03-10T07:59:59Z', rating: 3, stateBefore: 2, durationMs: 20_000 }, // 03:59 EDT → still 03-09
      { card: c(0), at: '2026-03-10T08:00:00Z', rating: 2, stateBefore: 2, durationMs: 1_000 }, // 04:00 EDT → 03-10
      { card: c(0), at: '2026-03-10T13:00:00Z', rating: 3, stateBefore: 2, durationMs: 10_000 },
      { card: c(3), at: '2026-03-10T13:01:00Z', rating: 1, stateBefore: 2, durationMs: 95_000 }, // capped to 60 s
      { card: c(6), at: '2026-03-10T13:02:00Z', rating: 3, stateBefore: 0, durationMs: 5_000 },
      { card: c(3), at: '2026-03-10T13:03:00Z', rating: 4, stateBefore: 2, durationMs: 30_000, undone: true }, // never counts
    ];
    for (const l of logs) await insertLog(alice.id, l);
    const t = NOW.getTime();
    const states: StateSpec[] = [
      { card: c(0), state: 2, due: t - 2 * DAY, stability: 100 }, // overdue → today; mastered
      { card: c(1), state: 2, due: Date.parse('2026-03-11T07:59:00Z'), stability: 1, lastReview: t - 30 * DAY, lapses: 3, difficulty: 8 }, // 03:59 → today; forgotten → learning
      { card: c(2), state: 1, due: Date.parse('2026-03-11T08:00:00Z') }, // 04:00 → tomorrow; learning
      { card: c(3), state: 2, due: Date.parse('2026-03-20T12:00:00Z'), stability: 50, lapses: 1 }, // day +10; mastered
      { card: c(4), state: 2, due: t + 40 * DAY, stability: 200 }, // beyond 30 days; mastered
      { card: c(5), state: 2, due: t + DAY, suspended: true, leech: true, lapses: 8 }, // not forecast
      { card: c(6), state: 0, due: t }, // new: never due
    ];
    for (const s of states) await insertState(alice.id, s);
    // Bob studies the same cards, with plenty of history today: none of it may reach Alice's numbers.
    for (let i = 0; i < 20; i++) await insertLog(bob.id, { card: c(i % 7), at: '2026-03-10T14:00:00Z', rating: 1, stateBefore: 2, durationMs: 50_000 });
    await insertState(bob.id, { card: c(7), state: 2, due: t, lapses: 20, suspended: true, leech: true });
    await insertState(bob.id, { card: c(8), state: 2, due: t + DAY });
  });

  it('counts true retention over 7 and 30 study days, reviews of Review-state cards only', async () => {
    const p = await progressFor(alice.id, NOW);
    expect(p.retention.last7).toEqual({ passed: 5, failed: 1, total: 6, rate: 5 / 6 });
    expect(p.retention.last30).toEqual({ passed: 5, failed: 2, total: 7, rate: 5 / 7 });
  });

  it('buckets reviews into New York study days across the rollover hour and the DST switch', async () => {
    const p = await progressFor(alice.id, NOW);
    expect(p.todayKey).toBe('2026-03-10');
    expect(p.heatmap).toHaveLength(7 * 25 + 2); // 25 whole weeks before this one, then Mon and Tue
    expect(p.heatmap[0]?.day).toBe('2025-09-15'); // a Monday
    const count = (day: string) => p.heatmap.find((d) => d.day === day)?.count;
    expect([count('2026-03-07'), count('2026-03-08'), count('2026-03-09'), count('2026-03-10')]).toEqual([0, 1, 2, 4]);
    expect(count('2026-03-01')).toBe(1);
    expect(p.reviewsToday).toBe(4);
    expect(p.totalReviews).toBe(14);
  });

  it('computes the current and the longest streak', async () => {
    expect((await progressFor(alice.id, NOW)).streak).toEqual({ current: 3, longest: 5 });
    // Tomorrow before any review the streak still stands; the day after, it is gone.
    expect((await progressFor(alice.id, new Date(NOW.getTime() + DAY))).streak.current).toBe(3);
    expect((await progressFor(alice.id, new Date(NOW.getTime() + 2 * DAY))).streak.current).toBe(0);
  });

  it('sums study time with each answer capped at 60 s', async () => {
    expect((await progressFor(alice.id, NOW)).studyTime).toEqual({
      todayMs: 1_000 + 10_000 + 60_000 + 5_000,
      last7Ms: 60_000 + 60_000 + 0 + 8_000 + 20_000 + 76_000,
      totalMs: 30_000 + 30_000 + 5 * 60_000 + 0 + 8_000 + 20_000 + 76_000,
    });
  });

  it('forecasts due cards per study day, overdue on today, never new or suspended cards', async () => {
    const f = (await progressFor(alice.id, NOW)).forecast;
    expect(f).toHaveLength(30);
    expect(f[0]).toEqual({ day: '2026-03-10', count: 2 });
    expect(f[1]).toEqual({ day: '2026-03-11', count: 1 });
    expect(f[10]).toEqual({ day: '2026-03-20', count: 1 });
    expect(f.reduce((s, d) => s + d.count, 0)).toBe(4);
  });

  it('splits the deck and its sections into mastered, learning, new and suspended', async () => {
    const deck = (await progressFor(alice.id, NOW)).decks.find((d) => d.id === 'war-for-peace');
    expect(deck?.counts).toEqual({ mastered: 3, learning: 2, suspended: 1, new: cards.length - 6, total: cards.length });
    const sectionOf = new Map(
      (
        await (await engine()).all(
          sql`SELECT ${cardsTable.id} AS "id", ${sections.key} AS "key" FROM ${cardsTable} JOIN ${sections} ON ${sections.id} = ${cardsTable.sectionId}
              WHERE ${cardsTable.deckId} = 'war-for-peace'`,
          z.object({ id: int, key: z.string() }),
        )
      ).map((r) => [r.id, r.key]),
    );
    const key = sectionOf.get(c(0));
    expect(cards.slice(0, 7).every((id) => sectionOf.get(id) === key)).toBe(true);
    const section = deck?.sections.find((s) => s.key === key);
    const inSection = cards.filter((id) => sectionOf.get(id) === key).length;
    expect(section?.counts).toEqual({ mastered: 3, learning: 2, suspended: 1, new: inSection - 6, total: inSection });
    expect(deck?.sections.reduce((s, x) => s + x.counts.total, 0)).toBe(cards.length);
  });

  it('lists the hardest cards by lapses, then Again rate, with their section', async () => {
    const p = await progressFor(alice.id, NOW);
    expect(p.hardest.map((h) => [h.cardId, h.lapses, h.reviews, h.againRate])).toEqual([
      [c(1), 3, 7, 1],
      [c(3), 1, 1, 1], // the undone Easy is not a review
    ]);
    expect(p.hardest[0]).toMatchObject({ deckId: 'war-for-peace', sectionKey: expect.any(String), prompt: expect.any(String) });
    expect(p.flaggedCount).toBe(1);
  });

  it('keeps Bob’s numbers to Bob', async () => {
    const p = await progressFor(bob.id, NOW);
    expect(p.totalReviews).toBe(20);
    expect(p.reviewsToday).toBe(20);
    expect(p.forecast[1]?.count).toBe(1);
    expect(p.flaggedCount).toBe(1);
  });

  it('gives the same top cards with the lapse cutoff as ranking every card', async () => {
    const carol = await makeUser();
    for (let i = 0; i < 14; i++) {
      await insertState(carol.id, { card: c(i), state: 2, due: NOW.getTime(), lapses: i % 5, difficulty: 1 + (i % 3) });
      for (let r = 0; r < 4; r++) await insertLog(carol.id, { card: c(i), at: new Date(NOW.getTime() - (i * 4 + r) * 60_000).toISOString(), rating: r < i % 4 ? 1 : 3, stateBefore: 2, durationMs: 1 });
    }
    const s = cardStates;
    const l = reviewLogs;
    const all = await (await engine()).all(
      sql`SELECT ${s.cardId} AS "cardId", ${s.lapses} AS "lapses", ${s.difficulty} AS "difficulty", count(*) AS "reviews",
            count(CASE WHEN ${l.rating} = 1 THEN 1 END) AS "againCount"
          FROM ${s} JOIN ${l} ON ${l.userId} = ${s.userId} AND ${l.cardId} = ${s.cardId} WHERE ${s.userId} = ${carol.id}
          GROUP BY ${s.cardId}, ${s.lapses}, ${s.difficulty}`,
      z.object({ cardId: int, lapses: int, difficulty: z.number(), reviews: int, againCount: int }),
    );
    for (const n of [1, 3, 5, 10]) {
      expect((await hardestCardsFor(carol.id, ['war-for-peace'], n)).map((h) => h.cardId)).toEqual(hardestCards(all, n).map((h) => h.cardId));
    }
  });

  it('gives a newcomer zeros and "no data" rather than errors', async () => {
    const newcomer = await makeUser();
    const p = await progressFor(newcomer.id, NOW);
    expect(p.totalReviews).toBe(0);
    expect(p.retention.last7).toEqual({ passed: 0, failed: 0, total: 0, rate: null });
    expect(p.streak).toEqual({ current: 0, longest: 0 });
    expect(p.hardest).toEqual([]);
    expect(p.forecast.every((d) => d.count === 0)).toBe(true);
    expect(p.decks[0]?.counts).toMatchObject({ new: cards.length, mastered: 0 });
  });

  it('exports exactly this learner’s log as CSV, undone rows marked', async () => {
    const lines = (await reviewHistoryCsv(alice.id)).split('\r\n');
    expect(lines[0]).toBe(REVIEW_HISTORY_HEADER.join(','));
    expect(lines.at(-1)).toBe(''); // ends with a line break
    expect(lines).toHaveLength(1 + 15 + 1);
    const item = async (id: number) =>
      (await (await engine()).get(sql`SELECT ${cardsTable.itemId} AS "itemId" FROM ${cardsTable} WHERE ${cardsTable.id} = ${id}`, z.object({ itemId: z.string() })))?.itemId;
    expect(lines[1]).toBe(`${c(1)},${await item(c(1))},war-for-peace,2026-01-20T15:00:00.000Z,1,2,30000,review,0`);
    expect(lines[15]).toBe(`${c(3)},${await item(c(3))},war-for-peace,2026-03-10T13:03:00.000Z,4,2,30000,review,1`);
    expect(lines.filter((l) => l.includes(',quiz,'))).toHaveLength(1);
    expect((await reviewHistoryCsv(bob.id)).split('\r\n')).toHaveLength(1 + 20 + 1);
  });
});
