// The grade path's modules (db/queries/reviews.ts, review-undo.ts, grade-parts.ts, review-batch.ts,
// settings.ts, leeches.ts, review-history.ts) on PostgreSQL, through the app's engine chosen by
// DATABASE_URL: the same outcomes as on SQLite (tests/integration/reviews.test.ts and friends),
// with booleans, jsonb snapshots and weights, RETURNING ids and the row locks of this engine.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '@/db/engine/types';
import type { PgDb } from '@/db/pg/connection';
import { cardStates, cards, decks, reviewChoices, reviewLogs, sections, typedAnswers, userSettings, users } from '@/db/schema.pg';
import { replayLog, type Grade } from '@/lib/scheduler';
import { migratedTestDatabase } from '../support/pg-database';

const T0 = new Date('2026-10-01T09:00:00Z');
const minutes = (m: number) => new Date(T0.getTime() + m * 60_000);

let pg: PgDb;
let engine: Engine;
let userId: number;
const card: Record<'basic' | 'typed' | 'mcq' | 'other', number> = { basic: 0, typed: 0, mcq: 0, other: 0 };

beforeAll(async () => {
  const created = await migratedTestDatabase('grade_path');
  pg = created.db;
  process.env.DATABASE_URL = created.url;
  process.env.APP_FSRS_FUZZ = '0';
  engine = await (await import('@/db/engine')).engine();
  const [user] = await pg.insert(users).values({ email: 'pg-grader@example.test', name: 'G', passwordHash: 'x' }).returning({ id: users.id });
  userId = user!.id;
  await pg.insert(decks).values({ id: 'd', title: 'Deck' });
  const [section] = await pg.insert(sections).values({ deckId: 'd', key: 's', title: 'Section S', position: 0 }).returning({ id: sections.id });
  const payloads = {
    basic: { type: 'basic', front: 'Q', back: 'A' },
    typed: { type: 'typed', question: 'Who?', answers: ['Putin'] },
    mcq: { type: 'mcq', question: 'Which?', options: [{ text: 'a', correct: false, explanation: '' }, { text: 'b', correct: true, explanation: '' }] },
    other: { type: 'basic', front: 'Q2', back: 'A2' },
  } as const;
  let position = 0;
  for (const [key, payload] of Object.entries(payloads) as [keyof typeof card, (typeof payloads)[keyof typeof payloads]][]) {
    const [row] = await pg
      .insert(cards)
      .values({ deckId: 'd', sectionId: section!.id, key, itemId: key, type: payload.type, position: position++, prompt: `Prompt ${key}`, answer: 'A', payload, contentHash: 'h', updatedAt: T0 })
      .returning({ id: cards.id });
    card[key] = row!.id;
  }
});

afterAll(async () => {
  await engine?.close();
  await pg?.$client.end();
});

const input = (cardId: number, grade: Grade, clientId: string, at: Date) => ({ cardId, grade, clientId, reviewedAt: at, durationMs: 1000, source: 'review' as const });

describe('the grade path on PostgreSQL', () => {
  it('records a grade once, merges a late one by replay, and undoes the latest exactly', async () => {
    const { recordReview, undoReview } = await import('@/db/queries/reviews');
    const { studySettingsFor } = await import('@/db/queries/settings');
    const settings = await studySettingsFor(userId);
    const first = await recordReview(userId, input(card.basic, 3, 'b1', T0), settings, T0);
    expect(first).toMatchObject({ ok: true, status: 'recorded', leech: false, suspended: false });
    expect(await recordReview(userId, input(card.basic, 3, 'b1', T0), settings, T0)).toMatchObject({ ok: true, status: 'duplicate' });
    expect(await recordReview(userId, input(card.other, 3, 'b1', T0), settings, T0)).toMatchObject({ ok: false, reason: 'id_conflict' });
    await recordReview(userId, input(card.basic, 3, 'b3', minutes(30)), settings, minutes(30));
    // Arrives after a later grade: the state becomes the replay of the whole log in time order.
    await recordReview(userId, input(card.basic, 1, 'b2', minutes(10)), settings, minutes(40));
    const log = await pg.select().from(reviewLogs).where(and(eq(reviewLogs.userId, userId), eq(reviewLogs.cardId, card.basic)));
    const replayed = replayLog(
      log.map((l) => ({ grade: l.rating as Grade, reviewedAt: new Date(l.reviewedAt) })).sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime()),
      settings.scheduler,
    );
    const [state] = await pg.select().from(cardStates).where(and(eq(cardStates.userId, userId), eq(cardStates.cardId, card.basic)));
    expect(state).toMatchObject({ reps: 3, due: replayed!.due.getTime(), lastReview: replayed!.lastReview!.getTime() });

    // Only the latest review recorded (the late one, b2) can be undone; its snapshot is the state before it.
    expect(await undoReview(userId, 'b1', minutes(41))).toMatchObject({ ok: false, reason: 'not_latest' });
    const undone = await undoReview(userId, 'b2', minutes(41));
    expect(undone.ok).toBe(true);
    const [after] = await pg.select().from(cardStates).where(and(eq(cardStates.userId, userId), eq(cardStates.cardId, card.basic)));
    expect(after?.reps).toBe(2);
    expect(await recordReview(userId, input(card.basic, 1, 'b2', minutes(10)), settings, minutes(42))).toMatchObject({ ok: true, status: 'undone' });
  });

  it('keeps a grade’s typed and choice parts once, and undo removes them', async () => {
    const { applyGradeBatch } = await import('@/db/queries/review-batch');
    const { undoReview } = await import('@/db/queries/reviews');
    const typed = { clientId: 'typed-part-1', cardId: card.typed, grade: 1, reviewedAt: minutes(50).getTime(), durationMs: 1, typed: { answer: 'Yeltsin', overruled: true } };
    const choice = { clientId: 'choice-part-1', cardId: card.mcq, grade: 3, reviewedAt: minutes(51).getTime(), durationMs: 1, choice: { index: 1 } };
    const accepted = { clientId: 'typed-part-right', cardId: card.typed, grade: 3, reviewedAt: minutes(53).getTime(), durationMs: 1, typed: { answer: 'putin', overruled: true } };
    const right = { clientId: 'typed-part-on-basic', cardId: card.other, grade: 3, reviewedAt: minutes(52).getTime(), durationMs: 1, typed: { answer: 'x', overruled: false } };
    const results = await applyGradeBatch(userId, [typed, choice, right, accepted, { nonsense: true }], minutes(60));
    expect(results.map((r) => (r.status === 'rejected' ? r.reason : r.status))).toEqual(['recorded', 'recorded', 'recorded', 'recorded', expect.stringMatching(/clientId/)]);
    expect((await applyGradeBatch(userId, [typed, choice], minutes(61))).map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    // Right or wrong, with the server's verdict; "I was right" is kept only on a wrong answer.
    expect(await pg.select({ answer: typedAnswers.answer, correct: typedAnswers.correct, overruled: typedAnswers.overruled }).from(typedAnswers).orderBy(typedAnswers.id)).toEqual([
      { answer: 'Yeltsin', correct: false, overruled: true },
      { answer: 'putin', correct: true, overruled: false },
    ]);
    expect(await pg.select({ choice: reviewChoices.choice, correct: reviewChoices.correct }).from(reviewChoices)).toEqual([{ choice: 1, correct: true }]);
    // Undone latest first (only a card's latest grade can be undone).
    expect((await undoReview(userId, 'typed-part-right', minutes(62))).ok).toBe(true);
    expect((await undoReview(userId, 'typed-part-1', minutes(62))).ok).toBe(true);
    expect((await undoReview(userId, 'choice-part-1', minutes(62))).ok).toBe(true);
    expect(await pg.select().from(typedAnswers)).toEqual([]);
    expect(await pg.select().from(reviewChoices)).toEqual([]);
  });

  it('corrects a logged grade inside a transaction and replays the card', async () => {
    const { recordReview, regradeLoggedReviewIn } = await import('@/db/queries/reviews');
    const { studySettingsFor } = await import('@/db/queries/settings');
    const settings = await studySettingsFor(userId);
    const out = await recordReview(userId, input(card.other, 1, 'q1', minutes(70)), settings, minutes(70));
    if (!out.ok || out.status !== 'recorded') throw new Error('not recorded');
    expect(await engine.transaction((tx) => regradeLoggedReviewIn(tx, userId, out.logId, 3, minutes(71)))).toBe(true);
    const [row] = await pg.select({ rating: reviewLogs.rating }).from(reviewLogs).where(eq(reviewLogs.id, out.logId));
    expect(row?.rating).toBe(3);
  });

  it('lists leeches and suspended cards and clears each flag once', async () => {
    const { clearLeechFlag, flaggedCardsFor, unsuspendCard } = await import('@/db/queries/leeches');
    await pg.update(cardStates).set({ leech: true, suspended: true, lapses: 9 }).where(and(eq(cardStates.userId, userId), eq(cardStates.cardId, card.basic)));
    expect(await flaggedCardsFor(userId)).toEqual([
      { cardId: card.basic, prompt: 'Prompt basic', deckId: 'd', sectionKey: 's', sectionTitle: 'Section S', lapses: 9, leech: true, suspended: true },
    ]);
    expect(await unsuspendCard(userId, card.basic, minutes(80))).toBe(true);
    expect(await unsuspendCard(userId, card.basic, minutes(80))).toBe(false);
    expect(await clearLeechFlag(userId, card.basic, minutes(81))).toBe(true);
    expect(await flaggedCardsFor(userId)).toEqual([]);
  });

  it('saves and reads study settings, personal weights (jsonb) kept', async () => {
    const { saveStudySettings, studySettingsFor } = await import('@/db/queries/settings');
    const values = { desiredRetention: 0.85, newPerDay: 7, reviewsPerDay: 70, timeZone: 'Europe/Paris', rolloverHour: 3, passFail: true, maximumInterval: 365, leechThreshold: 5, quizFeedback: 'end' as const };
    await saveStudySettings(userId, values);
    await pg.update(userSettings).set({ fsrsWeights: [1, 2, 3] }).where(eq(userSettings.userId, userId));
    await saveStudySettings(userId, { ...values, newPerDay: 8 });
    expect(await studySettingsFor(userId)).toMatchObject({ newPerDay: 8, timeZone: 'Europe/Paris', passFail: true, leechThreshold: 5, quizFeedback: 'end', scheduler: { desiredRetention: 0.85, maximumInterval: 365, weights: [1, 2, 3] } });
  });

  it('writes the review history CSV, undone rows marked', async () => {
    const { reviewHistoryCsv } = await import('@/db/queries/review-history');
    const lines = (await reviewHistoryCsv(userId)).trim().split('\r\n');
    expect(lines[0]).toBe('card_id,item_id,deck_id,reviewed_at_iso,rating,state_before,duration_ms,source,undone');
    const row = (clientAt: Date, rating: number) => lines.filter((l) => l.startsWith(`${card.basic},basic,d,${clientAt.toISOString()},${rating},`));
    expect(row(minutes(10), 1)).toEqual([expect.stringMatching(/,1000,review,1$/)]);
    expect(row(minutes(30), 3)).toEqual([expect.stringMatching(/,1000,review,0$/)]);
    expect(lines).toHaveLength(1 + 8);
  });
});
