/**
 * Recomputing a student's card states after new FSRS parameters are adopted: each card's log is
 * replayed with the student's current settings (the log is the source of truth), a batch of cards
 * per transaction, with a pause after each batch in proportion to its time, so that grading is
 * never held up for long and keeps most of the event loop.
 * A grade recorded meanwhile is its own transaction: it lands before or after a batch, never inside
 * one, so it is neither lost nor applied twice. A grade that was scheduled with the old parameters
 * while the rebuild ran (its request read the settings before they changed) is caught by a last
 * pass over the cards graded since the rebuild began.
 */
import 'server-only';
import { db } from '@/db';
import { stateToRow } from '@/db/card-state-row';
import { now as appNow } from '@/lib/clock';
import { replayLog, type Grade } from '@/lib/scheduler';
import { paced } from '@/lib/time/background-pace';
import { studySettingsForSync } from './settings-sync-legacy'; // ENGINE-MERGE: await studySettingsFor (settings.ts)

const cardsWithLog = db.$client.prepare<{ userId: number }, { cardId: number }>(
  'SELECT DISTINCT card_id AS cardId FROM review_logs WHERE user_id = @userId AND undone_at IS NULL ORDER BY card_id',
);
const cardsGradedSince = db.$client.prepare<{ userId: number; since: number }, { cardId: number }>(
  'SELECT DISTINCT card_id AS cardId FROM review_logs WHERE user_id = @userId AND created_at >= @since AND undone_at IS NULL ORDER BY card_id',
);
const cardLog = db.$client.prepare<{ userId: number; cardId: number }, { rating: number; reviewedAt: number }>(
  `SELECT rating, reviewed_at AS reviewedAt FROM review_logs
   WHERE user_id = @userId AND card_id = @cardId AND undone_at IS NULL ORDER BY reviewed_at, id`,
);
// Flags (suspended, leech) are the student's and stay; only the memory state is recomputed.
const updateState = db.$client.prepare(
  `UPDATE card_states SET due = @due, stability = @stability, difficulty = @difficulty, scheduled_days = @scheduledDays,
     learning_steps = @learningSteps, reps = @reps, lapses = @lapses, state = @state, last_review = @lastReview, updated_at = @updatedAt
   WHERE user_id = @userId AND card_id = @cardId`,
);

export interface RebuildProgress {
  done: number;
  total: number;
}

export interface RebuildOptions {
  batchSize?: number;
  /** Called after each committed batch (progress, and tests that grade in between). */
  afterBatch?: (progress: RebuildProgress) => void | Promise<void>;
  now?: () => number;
  /** Pause after each batch this many times as long as the batch took (lib/time/background-pace.ts). */
  share?: number;
}

function replayBatch(userId: number, cardIds: readonly number[], now: number): void {
  db.$client
    .transaction(() => {
      // Read inside the transaction: the parameters in force when this batch is written.
      const { scheduler } = studySettingsForSync(userId);
      for (const cardId of cardIds) {
        const log = cardLog.all({ userId, cardId }).map((r) => ({ grade: r.rating as Grade, reviewedAt: new Date(r.reviewedAt) }));
        const state = replayLog(log, scheduler);
        if (state) updateState.run({ userId, cardId, ...stateToRow(state), updatedAt: now });
      }
    })
    .immediate();
}

/** Replays every card this student has reviewed; resolves when all are consistent with their current parameters. */
export async function rebuildCardStates(userId: number, options: RebuildOptions = {}): Promise<RebuildProgress> {
  const batchSize = options.batchSize ?? 100;
  // The grade path stamps created_at with the app's clock: compare on the same one.
  const now = options.now ?? (() => appNow().getTime());
  const startedAt = now();
  const cards = cardsWithLog.all({ userId }).map((r) => r.cardId);
  const progress = { done: 0, total: cards.length };
  for (let i = 0; i < cards.length; i += batchSize) {
    await paced(() => replayBatch(userId, cards.slice(i, i + batchSize), now()), options.share);
    progress.done = Math.min(cards.length, i + batchSize);
    await options.afterBatch?.({ ...progress });
  }
  const graded = cardsGradedSince.all({ userId, since: startedAt }).map((r) => r.cardId);
  if (graded.length > 0) replayBatch(userId, graded, now());
  return progress;
}
