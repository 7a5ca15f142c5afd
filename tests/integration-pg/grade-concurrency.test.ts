// The grade path (db/queries/reviews.ts recordReviewIn, in the group commit's transaction, as the
// route runs it) on PostgreSQL under concurrency: two pools on one database stand for two app servers
// behind a load balancer. Every grade is sent through both at once, in a shuffled order (so many
// arrive after a later grade of their card and take the replay path), all in flight together.
// Afterwards every grade is in the log exactly once, each was "recorded" by exactly one server, and
// every card's state equals a replay of its log.
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stateToRow } from '@/db/card-state-row';
import { postgresEngine } from '@/db/engine/postgres';
import type { Engine } from '@/db/engine/types';
import { groupCommitOn } from '@/db/group-commit';
import { connectPg, type PgDb } from '@/db/pg/connection';
import { recordReviewIn, type ReviewInput, type ReviewOutcome } from '@/db/queries/reviews';
import type { StudySettings } from '@/db/queries/settings';
import { assignments, cardStates, cards, classes, decks, enrollments, reviewLogs, sections, users } from '@/db/schema.pg';
import { replayLog, type Grade } from '@/lib/scheduler';
import { migratedTestDatabase } from '../support/pg-database';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 9, 1, 9, 0);
const SERVER_NOW = new Date(T0 + 60 * DAY);
const SETTINGS: StudySettings = {
  scheduler: { desiredRetention: 0.9, maximumInterval: 36500, enableFuzz: false },
  newPerDay: 20,
  reviewsPerDay: 200,
  timeZone: 'UTC',
  rolloverHour: 4,
  passFail: false,
  leechThreshold: 8,
  quizFeedback: 'immediate',
};

let serverA: PgDb;
let serverB: PgDb;
let engines: Map<PgDb, Engine>;

/** One grade through `server`'s engine, as POST /api/reviews records it. */
function recordReviewPg(server: PgDb, userId: number, input: ReviewInput, settings: StudySettings, serverNow: Date): Promise<ReviewOutcome> {
  return groupCommitOn(engines.get(server)!, (tx) => recordReviewIn(tx, userId, input, settings, serverNow));
}
let userIds: number[] = [];
let cardIds: number[] = [];

/** A fixed pseudo-random sequence (LCG), so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

beforeAll(async () => {
  const { url, db } = await migratedTestDatabase('grade_concurrency', { max: 4 });
  serverA = db;
  serverB = await connectPg(url, { max: 4 });
  engines = new Map([serverA, serverB].map((server) => [server, postgresEngine(server)]));
  const inserted = await serverA
    .insert(users)
    .values([1, 2, 3].map((n) => ({ email: `s${n}@example.test`, name: `Student ${n}`, passwordHash: 'x' })))
    .returning({ id: users.id });
  userIds = inserted.map((u) => u.id);
  await serverA.insert(decks).values({ id: 'd', title: 'Deck' });
  const [section] = await serverA.insert(sections).values({ deckId: 'd', key: 's', title: 'S', position: 0 }).returning({ id: sections.id });
  const made = await serverA
    .insert(cards)
    .values(
      [0, 1, 2, 3].map((i) => ({
        deckId: 'd',
        sectionId: section!.id,
        key: `c${i}`,
        itemId: `c${i}`,
        type: 'basic' as const,
        position: i,
        prompt: `Q${i}`,
        answer: `A${i}`,
        payload: {},
        contentHash: 'h',
        updatedAt: new Date(T0),
      })),
    )
    .returning({ id: cards.id });
  cardIds = made.map((c) => c.id);
});

afterAll(async () => {
  await Promise.all([serverA?.$client.end(), serverB?.$client.end()]);
});

describe('grading on PostgreSQL from two app servers at once', () => {
  it('records every grade exactly once and leaves every state equal to a replay of its log', async () => {
    const next = random(18);
    const grades: { userId: number; input: ReviewInput }[] = [];
    for (const userId of userIds) {
      for (const cardId of cardIds) {
        let at = T0;
        for (let k = 0; k < 6; k++) {
          at += Math.floor((0.2 + next() * 3) * DAY);
          grades.push({
            userId,
            input: { cardId, grade: (1 + Math.floor(next() * 4)) as Grade, clientId: `u${userId}-c${cardId}-${k}`, reviewedAt: new Date(at), durationMs: 4000, source: 'review' },
          });
        }
      }
    }
    // Each grade goes to both servers (a client retrying through the load balancer); shuffled, all at once.
    const sends = grades.flatMap((g) => [{ ...g, server: serverA }, { ...g, server: serverB }]);
    for (let i = sends.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [sends[i], sends[j]] = [sends[j]!, sends[i]!];
    }
    const outcomes = await Promise.all(sends.map((s) => recordReviewPg(s.server, s.userId, s.input, SETTINGS, SERVER_NOW).then((o) => ({ id: s.input.clientId, o }))));

    expect(outcomes.filter(({ o }) => !o.ok)).toEqual([]);
    const recorded = new Map<string, number>();
    for (const { id, o } of outcomes) if (o.status === 'recorded') recorded.set(id, (recorded.get(id) ?? 0) + 1);
    expect(recorded.size).toBe(grades.length);
    expect([...recorded.values()].every((n) => n === 1)).toBe(true);
    expect(outcomes.filter(({ o }) => o.status === 'duplicate')).toHaveLength(grades.length);

    const [counts] = await serverA.select({ rows: sql<number>`count(*)`, ids: sql<number>`count(DISTINCT ${reviewLogs.clientId})` }).from(reviewLogs);
    expect(counts).toEqual({ rows: grades.length, ids: grades.length });

    // Out-of-order arrivals were part of it (the replay path), not only grades in time order.
    const logs = await serverA.select().from(reviewLogs).orderBy(asc(reviewLogs.id));
    const outOfOrder = logs.filter((l, i) => logs.slice(0, i).some((e) => e.userId === l.userId && e.cardId === l.cardId && e.reviewedAt > l.reviewedAt));
    expect(outOfOrder.length).toBeGreaterThan(5);

    const states = await serverB.select().from(cardStates);
    expect(states).toHaveLength(userIds.length * cardIds.length);
    for (const row of states) {
      const history = logs
        .filter((l) => l.userId === row.userId && l.cardId === row.cardId)
        .map((l) => ({ grade: l.rating as Grade, reviewedAt: new Date(l.reviewedAt) }));
      expect(history).toHaveLength(6);
      const replayed = replayLog(history, SETTINGS.scheduler);
      const { userId, cardId, due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, state, lastReview } = row;
      expect({ userId, cardId, due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, state, lastReview }).toEqual({
        userId: row.userId,
        cardId: row.cardId,
        ...stateToRow(replayed!),
      });
    }
  });

  it('lets one client id name one card only, even when both are sent at once', async () => {
    const [userId] = userIds;
    const pairs = Array.from({ length: 8 }, (_, i) => i);
    const results = await Promise.all(
      pairs.map(async (i) => {
        const base = { grade: 3 as Grade, clientId: `shared-${i}`, reviewedAt: new Date(T0 + 50 * DAY + i), durationMs: 1, source: 'review' as const };
        const pair: ReviewOutcome[] = await Promise.all([
          recordReviewPg(serverA, userId!, { ...base, cardId: cardIds[0]! }, SETTINGS, SERVER_NOW),
          recordReviewPg(serverB, userId!, { ...base, cardId: cardIds[1]! }, SETTINGS, SERVER_NOW),
        ]);
        return pair.map((o) => (o.ok ? o.status : o.reason)).sort();
      }),
    );
    expect(results).toEqual(pairs.map(() => ['id_conflict', 'recorded']));
    const rows = await serverA.select({ n: sql<number>`count(*)` }).from(reviewLogs).where(sql`${reviewLogs.clientId} LIKE 'shared-%'`);
    expect(rows[0]!.n).toBe(pairs.length);
  });

  it('refuses a card the student may not study and a grade from the future, writing nothing; a class assignment opens the card', async () => {
    const [userId] = userIds;
    await serverA.insert(decks).values({ id: 'private', title: 'Someone else’s', ownerId: userIds[1]! });
    const [section] = await serverA.insert(sections).values({ deckId: 'private', key: 's', title: 'S', position: 0 }).returning({ id: sections.id });
    const [hidden] = await serverA
      .insert(cards)
      .values({ deckId: 'private', sectionId: section!.id, key: 'h', itemId: 'h', type: 'basic', position: 0, prompt: 'Q', answer: 'A', payload: {}, contentHash: 'h', updatedAt: new Date(T0) })
      .returning({ id: cards.id });
    const input = { cardId: hidden!.id, grade: 3 as Grade, clientId: 'hidden-1', reviewedAt: new Date(T0), durationMs: 1, source: 'review' as const };
    expect(await recordReviewPg(serverA, userId!, input, SETTINGS, SERVER_NOW)).toMatchObject({ ok: false, reason: 'unknown_card' });
    const future = { ...input, cardId: cardIds[2]!, clientId: 'future-1', reviewedAt: new Date(SERVER_NOW.getTime() + 6 * 60_000) };
    expect(await recordReviewPg(serverA, userId!, future, SETTINGS, SERVER_NOW)).toMatchObject({ ok: false, reason: 'future_time' });
    const written = await serverA.select({ id: reviewLogs.id }).from(reviewLogs).where(sql`${reviewLogs.clientId} IN ('hidden-1', 'future-1')`);
    expect(written).toEqual([]);
    expect(await serverA.select().from(cardStates).where(eq(cardStates.cardId, hidden!.id))).toEqual([]);

    // Assigned to a class the student is in, the deck opens to them; archived, it closes again.
    const [klass] = await serverA.insert(classes).values({ instructorId: userIds[1]!, name: 'C', joinCode: 'JOINCODE01' }).returning({ id: classes.id });
    await serverA.insert(enrollments).values({ classId: klass!.id, userId: userId!, joinedAt: T0 });
    await serverA.insert(assignments).values({ classId: klass!.id, deckId: 'private', dueAt: T0 + 90 * DAY });
    await serverA.update(classes).set({ archivedAt: T0 }).where(eq(classes.id, klass!.id));
    expect(await recordReviewPg(serverA, userId!, input, SETTINGS, SERVER_NOW)).toMatchObject({ ok: false, reason: 'unknown_card' });
    await serverA.update(classes).set({ archivedAt: null }).where(eq(classes.id, klass!.id));
    expect(await recordReviewPg(serverA, userId!, input, SETTINGS, SERVER_NOW)).toMatchObject({ ok: true, status: 'recorded' });
  });
});
