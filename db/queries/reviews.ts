/**
 * Recording reviews: the one write path for a grade, from the review screen, a quiz answer or
 * an offline batch. Each grade writes the review log row and the new card state in one
 * transaction; the client-generated id makes a retried or duplicated grade count once.
 * A grade older than the card's last review (another device, offline) is merged by replaying
 * the card's whole log in time order, so the state always equals a replay of the log.
 */
import 'server-only';
import { db } from '@/db';
import { rowToState, stateToRow, type CardStateColumns } from '@/db/card-state-row';
import { z } from 'zod';
import { becameLeech, parametersKey, replayLog, restoreSnapshot, scheduleReview, snapshotOf, type CardState, type Grade } from '@/lib/scheduler';
import { snapshotSchema } from '@/lib/scheduler/undo';
import type { ChoicePart, TypedAnswerPart } from '@/lib/validation/reviews';
// ENGINE-MERGE: await canStudyCard(…) from './access' (or canStudyCardIn(tx, …) inside a transaction) once this module is on the engine.
import { canStudyCardSync } from './access-legacy';
import { studySettingsFor, type StudySettings } from './settings';
import { forgetChoicePart, recordChoicePart } from './review-choice-record';
import { forgetTypedPart, recordTypedPart } from './typed-answer-record';

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

interface StateRow extends CardStateColumns {
  suspended: number;
  leech: number;
}

const stmts = {
  existing: db.$client.prepare<{ userId: number; clientId: string }, { id: number; cardId: number; undoneAt: number | null }>(
    'SELECT id, card_id AS cardId, undone_at AS undoneAt FROM review_logs WHERE user_id = @userId AND client_id = @clientId',
  ),
  state: db.$client.prepare<{ userId: number; cardId: number }, StateRow>(
    `SELECT due, stability, difficulty, scheduled_days AS scheduledDays, learning_steps AS learningSteps, reps, lapses,
            state, last_review AS lastReview, suspended, leech
     FROM card_states WHERE user_id = @userId AND card_id = @cardId`,
  ),
  insertLog: db.$client.prepare(
    `INSERT INTO review_logs (user_id, card_id, client_id, rating, reviewed_at, duration_ms, state_before, snapshot_before,
                              due_after, stability_after, difficulty_after, scheduled_days, source, created_at)
     VALUES (@userId, @cardId, @clientId, @rating, @reviewedAt, @durationMs, @stateBefore, @snapshotBefore,
             @dueAfter, @stabilityAfter, @difficultyAfter, @scheduledDays, @source, @createdAt)`,
  ),
  upsertState: db.$client.prepare(
    `INSERT INTO card_states (user_id, card_id, due, stability, difficulty, scheduled_days, learning_steps, reps, lapses,
                              state, last_review, suspended, leech, updated_at)
     VALUES (@userId, @cardId, @due, @stability, @difficulty, @scheduledDays, @learningSteps, @reps, @lapses,
             @state, @lastReview, @suspended, @leech, @updatedAt)
     ON CONFLICT (user_id, card_id) DO UPDATE SET due = excluded.due, stability = excluded.stability,
       difficulty = excluded.difficulty, scheduled_days = excluded.scheduled_days, learning_steps = excluded.learning_steps,
       reps = excluded.reps, lapses = excluded.lapses, state = excluded.state, last_review = excluded.last_review,
       suspended = excluded.suspended, leech = excluded.leech, updated_at = excluded.updated_at`,
  ),
  cardLog: db.$client.prepare<{ userId: number; cardId: number }, { rating: number; reviewedAt: number }>(
    `SELECT rating, reviewed_at AS reviewedAt FROM review_logs
     WHERE user_id = @userId AND card_id = @cardId AND undone_at IS NULL ORDER BY reviewed_at, id`,
  ),
};

const gradeSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

function cardHistory(userId: number, cardId: number): { grade: Grade; reviewedAt: Date }[] {
  return stmts.cardLog.all({ userId, cardId }).map((r) => ({ grade: gradeSchema.parse(r.rating), reviewedAt: new Date(r.reviewedAt) }));
}

function currentState(userId: number, cardId: number): { state: CardState | null; suspended: boolean; leech: boolean } {
  const row = stmts.state.get({ userId, cardId });
  return row ? { state: rowToState(row), suspended: row.suspended === 1, leech: row.leech === 1 } : { state: null, suspended: false, leech: false };
}

/**
 * Snapshot kept in the log so undo restores exactly this (flags included), and the fingerprint of
 * the FSRS weights in use when it was taken (absent in rows written before it was kept).
 */
const storedSnapshotSchema = snapshotSchema.extend({ suspended: z.boolean(), leech: z.boolean(), params: z.string().max(16).optional() });
export type StoredSnapshot = z.infer<typeof storedSnapshotSchema>;

/** The latest instant a JavaScript Date can hold; past it `new Date(ms)` is Invalid Date. */
const MAX_DATE_MS = 8.64e15;

function rejected(reason: ReviewRejection, message: string): ReviewOutcome {
  return { ok: false, status: 'rejected', reason, message };
}

/**
 * Records one grade for `userId`. Synchronous on purpose: the whole check-and-write runs in
 * one SQLite transaction, so two tabs grading the same card are serialised, never interleaved.
 * IMMEDIATE takes the write lock before the first read: a deferred transaction that reads and then
 * writes fails at once with SQLITE_BUSY when another process wrote meanwhile (busy_timeout does not
 * apply to that upgrade), which tests/integration/races.test.ts showed with two writers.
 */
export function recordReview(userId: number, input: ReviewInput, settings: StudySettings, serverNow: Date): ReviewOutcome {
  const at = input.reviewedAt.getTime();
  if (!Number.isFinite(at) || Math.abs(at) > MAX_DATE_MS) return rejected('invalid_time', 'The review time is not a valid date.');
  if (at > serverNow.getTime() + CLOCK_SKEW_MS) return rejected('future_time', 'The review time is in the future.');
  if (!canStudyCardSync(userId, input.cardId)) return rejected('unknown_card', 'This card does not exist or is not yours to study.');
  return db.$client.transaction((): ReviewOutcome => {
    const seen = stmts.existing.get({ userId, clientId: input.clientId });
    if (seen) {
      if (seen.cardId !== input.cardId) return rejected('id_conflict', 'This grade’s id was already used for another card.');
      // Recorded and then undone: the undo stands, a late copy of the grade changes nothing.
      if (seen.undoneAt !== null) return { ok: true, status: 'undone', logId: seen.id };
      const now = currentState(userId, seen.cardId);
      return { ok: true, status: 'duplicate', logId: seen.id, state: now.state, leech: now.leech, suspended: now.suspended };
    }
    const before = currentState(userId, input.cardId);
    const inOrder = !before.state?.lastReview || before.state.lastReview.getTime() <= input.reviewedAt.getTime();
    const history = inOrder ? [] : cardHistory(userId, input.cardId);
    // Out of order: the state the card had at that moment is the replay of the reviews before it.
    const stateAtTime = inOrder ? before.state : replayLog(history.filter((e) => e.reviewedAt <= input.reviewedAt), settings.scheduler);
    const { next, log } = scheduleReview(stateAtTime, input.grade, input.reviewedAt, settings.scheduler);
    const snapshot: StoredSnapshot = { ...snapshotOf(before.state), suspended: before.suspended, leech: before.leech, params: parametersKey(settings.scheduler.weights) };
    const inserted = stmts.insertLog.run({
      userId,
      cardId: input.cardId,
      clientId: input.clientId,
      rating: input.grade,
      reviewedAt: input.reviewedAt.getTime(),
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
    if (input.typed) recordTypedPart(userId, input.cardId, input.clientId, input.typed, input.reviewedAt);
    if (input.choice) recordChoicePart(userId, input.cardId, input.clientId, input.choice, input.reviewedAt);

    // The log now holds this grade, so its replay is never "not studied"; fall back to `next` to keep the type honest.
    const state = inOrder ? next : (replayLog(cardHistory(userId, input.cardId), settings.scheduler) ?? next);
    const lapsesBefore = before.state?.lapses ?? 0;
    const newLeech = becameLeech(lapsesBefore, state.lapses, settings.leechThreshold);
    const leech = before.leech || newLeech;
    const suspended = before.suspended || newLeech;
    stmts.upsertState.run({
      userId,
      cardId: input.cardId,
      ...stateToRow(state),
      suspended: suspended ? 1 : 0,
      leech: leech ? 1 : 0,
      updatedAt: serverNow.getTime(),
    });
    return { ok: true, status: 'recorded', logId: Number(inserted.lastInsertRowid), state, leech, suspended };
  }).immediate();
}

const undoStmts = {
  log: db.$client.prepare<{ userId: number; clientId: string }, { id: number; cardId: number; snapshot: string | null; undoneAt: number | null }>(
    `SELECT id, card_id AS cardId, snapshot_before AS snapshot, undone_at AS undoneAt
     FROM review_logs WHERE user_id = @userId AND client_id = @clientId`,
  ),
  later: db.$client.prepare<{ userId: number; cardId: number; id: number }, { n: number }>(
    `SELECT count(*) AS n FROM review_logs WHERE user_id = @userId AND card_id = @cardId AND id > @id AND undone_at IS NULL`,
  ),
  markUndone: db.$client.prepare('UPDATE review_logs SET undone_at = @at WHERE id = @id'),
  deleteState: db.$client.prepare('DELETE FROM card_states WHERE user_id = @userId AND card_id = @cardId'),
  // The row a suspended card that was never studied has (as db/queries/suspend.ts writes it).
  newWithFlags: db.$client.prepare(`
    INSERT OR REPLACE INTO card_states (user_id, card_id, due, stability, difficulty, scheduled_days, learning_steps, reps, lapses, state, last_review, suspended, leech, updated_at)
    VALUES (@userId, @cardId, @now, 0, 0, 0, 0, 0, 0, 0, NULL, @suspended, @leech, @now)
  `),
};

export type UndoOutcome = { ok: true; cardId: number; state: CardState | null } | { ok: false; reason: 'not_found' | 'not_latest'; message: string };

/**
 * Undoes the review recorded with `clientId`: restores the exact pre-review memory state from its
 * snapshot and marks the log row undone (history stays append-only). When the FSRS weights in use
 * changed after the review (a fit or pool adopted, the card states replayed), the snapshot holds a
 * state computed with the old weights: the card then gets the replay of its remaining log with the
 * weights now in use instead. Only the card's latest review can be undone, as in Anki. Undoing twice is harmless.
 * The suspended and leech flags are the user's own since the review, except what the review did
 * itself: if it made the card a leech (and so suspended it), that is undone too. A card suspended
 * by hand after the review stays suspended, even when undoing its first review leaves it new.
 */
export function undoReview(userId: number, clientId: string, serverNow: Date): UndoOutcome {
  return db.$client.transaction((): UndoOutcome => {
    const log = undoStmts.log.get({ userId, clientId });
    if (!log) return { ok: false, reason: 'not_found', message: 'There is no such review to undo.' };
    const now = currentState(userId, log.cardId);
    if (log.undoneAt !== null) return { ok: true, cardId: log.cardId, state: now.state };
    if ((undoStmts.later.get({ userId, cardId: log.cardId, id: log.id })?.n ?? 0) > 0) {
      return { ok: false, reason: 'not_latest', message: 'This card has been reviewed again since; only the latest review can be undone.' };
    }
    // Decoded, not cast: a malformed snapshot throws and the transaction changes nothing.
    const snapshot = log.snapshot === null ? null : storedSnapshotSchema.parse(JSON.parse(log.snapshot));
    // Taken with other FSRS weights than those now in use (the card states were replayed with the
    // new ones since): the card becomes what its log without this review replays to with them.
    const { scheduler } = studySettingsFor(userId);
    const stale = snapshot?.params !== undefined && snapshot.params !== parametersKey(scheduler.weights);
    undoStmts.markUndone.run({ at: serverNow.getTime(), id: log.id });
    const restored = stale ? replayLog(cardHistory(userId, log.cardId), scheduler) : snapshot ? restoreSnapshot(snapshot) : null;
    // Only reviews set the leech flag, and this is the card's latest: a flag the snapshot lacks came from it.
    const madeLeech = now.leech && !snapshot?.leech;
    const leech = madeLeech ? false : now.leech;
    const suspended = madeLeech ? now.suspended && Boolean(snapshot?.suspended) : now.suspended;
    if (restored) {
      stmts.upsertState.run({ userId, cardId: log.cardId, ...stateToRow(restored), suspended: suspended ? 1 : 0, leech: leech ? 1 : 0, updatedAt: serverNow.getTime() });
    } else if (suspended || leech) {
      // Never studied again, but set aside by hand since: a new card that keeps its flags.
      undoStmts.newWithFlags.run({ userId, cardId: log.cardId, suspended: suspended ? 1 : 0, leech: leech ? 1 : 0, now: serverNow.getTime() });
    } else {
      undoStmts.deleteState.run({ userId, cardId: log.cardId });
    }
    forgetTypedPart(userId, clientId);
    forgetChoicePart(userId, clientId);
    return { ok: true, cardId: log.cardId, state: restored };
  }).immediate();
}

const regradeStmts = {
  log: db.$client.prepare<{ userId: number; id: number }, { cardId: number; rating: number; undoneAt: number | null }>(
    'SELECT card_id AS cardId, rating, undone_at AS undoneAt FROM review_logs WHERE id = @id AND user_id = @userId',
  ),
  setRating: db.$client.prepare<{ id: number; rating: number }>('UPDATE review_logs SET rating = @rating WHERE id = @id'),
};

/**
 * Corrects the grade of a review already logged — a quiz answer marked wrong whose overrule was
 * accepted: the log said Again for an answer now judged right, so FSRS would schedule the card as
 * forgotten. The row's rating is corrected (the one place the log is rewritten: its verdict was the
 * app's mistake, not the student's) and the card's state becomes the replay of its whole log, flags
 * kept. Call inside the caller's transaction. False when the row is not this user's or was undone.
 */
export function regradeLoggedReview(userId: number, reviewLogId: number, grade: Grade, serverNow: Date): boolean {
  const log = regradeStmts.log.get({ userId, id: reviewLogId });
  if (!log || log.undoneAt !== null) return false;
  if (log.rating === grade) return true;
  regradeStmts.setRating.run({ id: reviewLogId, rating: grade });
  const { scheduler } = studySettingsFor(userId);
  const state = replayLog(cardHistory(userId, log.cardId), scheduler);
  const now = currentState(userId, log.cardId);
  if (state) {
    stmts.upsertState.run({ userId, cardId: log.cardId, ...stateToRow(state), suspended: now.suspended ? 1 : 0, leech: now.leech ? 1 : 0, updatedAt: serverNow.getTime() });
  }
  return true;
}
