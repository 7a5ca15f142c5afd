/**
 * Recording reviews: the one write path for a grade, from the review screen, a quiz answer or
 * an offline batch, on either engine. Each grade writes the review log row and the new card state
 * in one transaction; the client-generated id makes a retried or duplicated grade count once.
 * A grade older than the card's last review (another device, offline) is merged by replaying
 * the card's whole log in time order, so the state always equals a replay of the log.
 *
 * Two grades of one card never interleave: on SQLite the write transaction (BEGIN IMMEDIATE, or
 * the group commit's) excludes every other writer; on PostgreSQL the card's state row is locked
 * first (review-state.ts), and the client-id check comes after the lock, so two app servers
 * recording two copies of one grade record it once (tests/integration-pg/grade-concurrency.test.ts).
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { bare, type Fragments } from '@/db/engine/fragments';
import { flag, int } from '@/db/engine/rows';
import type { Queryable } from '@/db/engine/types';
import { cardStates, cards, decks, reviewLogs } from '@/db/schema';
import { becameLeech, parametersKey, replayLog, scheduleReview, snapshotOf, type CardState, type Grade } from '@/lib/scheduler';
import type { ChoicePart, TypedAnswerPart } from '@/lib/validation/reviews';
import { deckVisibleTo } from './access-sql';
import { recordGradePartsIn } from './grade-parts';
import { cardHistoryIn, lockedStateIn, saveStateIn, type StoredSnapshot } from './review-state';
import type { StudySettings } from './settings';

export { regradeLoggedReviewIn, undoReview, type UndoOutcome } from './review-undo';
export type { StoredSnapshot } from './review-state';

export type ReviewSource = 'review' | 'quiz';

export interface ReviewInput {
  cardId: number;
  grade: Grade;
  clientId: string;
  reviewedAt: Date;
  durationMs: number;
  source: ReviewSource;
  /** A typed answer marked wrong, kept for the instructor with this grade (review screen only). */
  typed?: TypedAnswerPart;
  /** The option chosen for a multiple-choice or true/false card, kept for the instructor (review screen only). */
  choice?: ChoicePart;
}

export type ReviewRejection = 'unknown_card' | 'future_time' | 'invalid_time' | 'id_conflict';

/**
 * What became of one grade. `duplicate`: this client id was recorded before (the card's current
 * state, if it still has one). `undone`: it was recorded and then undone, so a late copy changes nothing.
 */
export type ReviewOutcome =
  | { ok: true; status: 'recorded'; logId: number; state: CardState; leech: boolean; suspended: boolean }
  | { ok: true; status: 'duplicate'; logId: number; state: CardState | null; leech: boolean; suspended: boolean }
  | { ok: true; status: 'undone'; logId: number }
  | { ok: false; status: 'rejected'; reason: ReviewRejection; message: string };

/** A grade may carry the device's clock; allow this much skew into the future. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** The latest instant a JavaScript Date can hold; past it `new Date(ms)` is Invalid Date. */
const MAX_DATE_MS = 8.64e15;

const p = (name: string) => sql.placeholder(name);
const seenRow = z.object({ id: int, cardId: int, undoneAt: int.nullable() });
const studyRow = z.object({ retired: flag, studied: flag });
const idRow = z.object({ id: int });

const LOG_COLUMNS = [
  reviewLogs.userId, reviewLogs.cardId, reviewLogs.clientId, reviewLogs.rating, reviewLogs.reviewedAt, reviewLogs.durationMs,
  reviewLogs.stateBefore, reviewLogs.snapshotBefore, reviewLogs.dueAfter, reviewLogs.stabilityAfter, reviewLogs.difficultyAfter,
  reviewLogs.scheduledDays, reviewLogs.source, reviewLogs.createdAt,
] as const;

function build(f: Fragments) {
  const l = reviewLogs;
  const values = ['userId', 'cardId', 'clientId', 'rating', 'reviewedAt', 'durationMs', 'stateBefore'].map((n) => sql`${p(n)}`);
  values.push(f.jsonFromText(p('snapshotBefore')), ...['dueAfter', 'stabilityAfter', 'difficultyAfter', 'scheduledDays', 'source', 'createdAt'].map((n) => sql`${p(n)}`));
  return {
    seen: sql`SELECT ${l.id} AS "id", ${l.cardId} AS "cardId", ${l.undoneAt} AS "undoneAt" FROM ${l}
      WHERE ${l.userId} = ${p('userId')} AND ${l.clientId} = ${p('clientId')}`,
    // db/queries/access.ts canStudyCard: the deck is visible to the user; a retired card only with progress on it.
    // ENGINE-MERGE: once access.ts is on the engine, share one statement for this rule with it.
    canStudy: sql`SELECT (${cards.retiredAt} IS NOT NULL) AS "retired",
        EXISTS (SELECT 1 FROM ${cardStates} WHERE ${cardStates.userId} = ${p('userId')} AND ${cardStates.cardId} = ${cards.id}) AS "studied"
      FROM ${cards} JOIN ${decks} ON ${decks.id} = ${cards.deckId}
      WHERE ${cards.id} = ${p('cardId')} AND ${deckVisibleTo(p('userId'), decks)}`,
    insertLog: sql`INSERT INTO ${l} (${sql.join(LOG_COLUMNS.map(bare), sql`, `)}) VALUES (${sql.join(values, sql`, `)})
      ON CONFLICT (${bare(l.userId)}, ${bare(l.clientId)}) DO NOTHING RETURNING ${l.id} AS "id"`,
  };
}

const statements = new WeakMap<Fragments, ReturnType<typeof build>>();
function stmts(q: Queryable) {
  let s = statements.get(q.fragments);
  if (!s) statements.set(q.fragments, (s = build(q.fragments)));
  return s;
}

function rejected(reason: ReviewRejection, message: string): ReviewOutcome {
  return { ok: false, status: 'rejected', reason, message };
}

async function canStudyCardIn(tx: Queryable, userId: number, cardId: number): Promise<boolean> {
  const row = await tx.prepare<{ userId: number; cardId: number }, z.infer<typeof studyRow>>(stmts(tx).canStudy, studyRow).get({ userId, cardId });
  return row !== undefined && (!row.retired || row.studied);
}

async function seenIn(tx: Queryable, userId: number, clientId: string) {
  return tx.prepare<{ userId: number; clientId: string }, z.infer<typeof seenRow>>(stmts(tx).seen, seenRow).get({ userId, clientId });
}

/** The answer for a client id already in the log: the same grade again, or an id taken by another card. */
function answerForSeen(seen: z.infer<typeof seenRow>, cardId: number, now: { state: CardState | null; leech: boolean; suspended: boolean }): ReviewOutcome {
  if (seen.cardId !== cardId) return rejected('id_conflict', 'This grade’s id was already used for another card.');
  // Recorded and then undone: the undo stands, a late copy of the grade changes nothing.
  if (seen.undoneAt !== null) return { ok: true, status: 'undone', logId: seen.id };
  return { ok: true, status: 'duplicate', logId: seen.id, state: now.state, leech: now.leech, suspended: now.suspended };
}

/**
 * Records one grade for `userId` inside the caller's transaction `tx` (a group commit, the quiz
 * answer's transaction, or recordReview's own): checks, locks the card's state, writes the log row,
 * the grade's parts and the new state. Rejections write nothing.
 */
export async function recordReviewIn(tx: Queryable, userId: number, input: ReviewInput, settings: StudySettings, serverNow: Date): Promise<ReviewOutcome> {
  const at = input.reviewedAt.getTime();
  if (!Number.isFinite(at) || Math.abs(at) > MAX_DATE_MS) return rejected('invalid_time', 'The review time is not a valid date.');
  if (at > serverNow.getTime() + CLOCK_SKEW_MS) return rejected('future_time', 'The review time is in the future.');
  if (!(await canStudyCardIn(tx, userId, input.cardId))) return rejected('unknown_card', 'This card does not exist or is not yours to study.');

  const before = await lockedStateIn(tx, userId, input.cardId);
  const seen = await seenIn(tx, userId, input.clientId);
  if (seen) return answerForSeen(seen, input.cardId, before);

  const inOrder = !before.state?.lastReview || before.state.lastReview.getTime() <= at;
  const history = inOrder ? [] : await cardHistoryIn(tx, userId, input.cardId);
  // Out of order: the state the card had at that moment is the replay of the reviews before it.
  const stateAtTime = inOrder ? before.state : replayLog(history.filter((e) => e.reviewedAt <= input.reviewedAt), settings.scheduler);
  const { next, log } = scheduleReview(stateAtTime, input.grade, input.reviewedAt, settings.scheduler);
  const snapshot: StoredSnapshot = { ...snapshotOf(before.state), suspended: before.suspended, leech: before.leech, params: parametersKey(settings.scheduler.weights) };
  const inserted = await tx.prepare<Record<string, unknown>, z.infer<typeof idRow>>(stmts(tx).insertLog, idRow).get({
    userId,
    cardId: input.cardId,
    clientId: input.clientId,
    rating: input.grade,
    reviewedAt: at,
    durationMs: Math.max(0, Math.round(input.durationMs)),
    stateBefore: log.stateBefore,
    snapshotBefore: JSON.stringify(snapshot),
    dueAfter: log.due.getTime(),
    stabilityAfter: log.stability,
    difficultyAfter: log.difficulty,
    scheduledDays: log.scheduledDays,
    source: input.source,
    createdAt: serverNow.getTime(),
  });
  if (!inserted) {
    // PostgreSQL only: another server took this client id for another card between our check and
    // our insert (the conflict waited for its commit), so a fresh read sees it.
    const taken = await seenIn(tx, userId, input.clientId);
    if (!taken) throw new Error(`The grade ${input.clientId} conflicted with a row that is not there`);
    return answerForSeen(taken, input.cardId, before);
  }
  await recordGradePartsIn(tx, userId, input.cardId, input.clientId, input, input.reviewedAt);

  // The log now holds this grade, so its replay is never "not studied"; fall back to `next` to keep the type honest.
  const state = inOrder ? next : (replayLog(await cardHistoryIn(tx, userId, input.cardId), settings.scheduler) ?? next);
  const newLeech = becameLeech(before.state?.lapses ?? 0, state.lapses, settings.leechThreshold);
  const leech = before.leech || newLeech;
  const suspended = before.suspended || newLeech;
  await saveStateIn(tx, userId, input.cardId, state, { suspended, leech }, serverNow);
  return { ok: true, status: 'recorded', logId: inserted.id, state, leech, suspended };
}

/** Records one grade for `userId` in a transaction of its own (scripts, tests, a single grade outside a batch). */
export async function recordReview(userId: number, input: ReviewInput, settings: StudySettings, serverNow: Date): Promise<ReviewOutcome> {
  const db = await engine();
  return db.transaction((tx) => recordReviewIn(tx, userId, input, settings, serverNow));
}
