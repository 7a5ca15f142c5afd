/**
 * Recomputing a student's card states after new FSRS parameters are adopted: each card's log is
 * replayed with the student's current settings (the log is the source of truth), a batch of cards
 * per transaction, with a pause after each batch in proportion to its time, so that grading is
 * never held up for long and keeps most of the event loop.
 * A grade recorded meanwhile is its own transaction: it lands before or after a batch, never inside
 * one, so it is neither lost nor applied twice. A grade that was scheduled with the old parameters
 * while the rebuild ran (its request read the settings before they changed) is caught by a last
 * pass over the cards graded since the rebuild began.
 * On the engine (db/engine): the same SQL on SQLite and PostgreSQL.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { bare } from '@/db/engine/fragments';
import { int } from '@/db/engine/rows';
import type { Queryable } from '@/db/engine/types';
import { stateToRow } from '@/db/card-state-row';
import { cardStates, reviewLogs } from '@/db/schema';
import { now as appNow } from '@/lib/clock';
import { replayLog, type Grade } from '@/lib/scheduler';
import { paced } from '@/lib/time/background-pace';
import { studySettingsIn } from './settings';

const cardRow = z.object({ cardId: int });
const entryRow = z.object({ cardId: int, rating: int, reviewedAt: int });

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

const isGrade = (rating: number): rating is Grade => rating === 1 || rating === 2 || rating === 3 || rating === 4;

/** The cards of this student with a log that counts (since `since`, by created_at, when given). */
async function cardsWithLog(userId: number, since?: number): Promise<number[]> {
  const db = await engine();
  const l = reviewLogs;
  const after = since === undefined ? sql`` : sql` AND ${l.createdAt} >= ${since}`;
  const rows = await db.all(
    sql`SELECT DISTINCT ${l.cardId} AS "cardId" FROM ${l} WHERE ${l.userId} = ${userId}${after} AND ${l.undoneAt} IS NULL ORDER BY ${l.cardId}`,
    cardRow,
  );
  return rows.map((r) => r.cardId);
}

/** Replays a batch of cards in `tx`: one read of their logs, one update per card. */
async function replayBatchIn(tx: Queryable, userId: number, cardIds: readonly number[], now: number): Promise<void> {
  // Read inside the transaction (through `tx`: on SQLite a call outside it would wait for it to end):
  // the parameters in force when this batch is written.
  const { scheduler } = await studySettingsIn(tx, userId);
  const l = reviewLogs;
  const entries = await tx.all(
    sql`SELECT ${l.cardId} AS "cardId", ${l.rating} AS "rating", ${l.reviewedAt} AS "reviewedAt" FROM ${l}
      WHERE ${l.userId} = ${userId} AND ${l.cardId} IN ${tx.fragments.intsIn(cardIds)} AND ${l.undoneAt} IS NULL
      ORDER BY ${l.cardId}, ${l.reviewedAt}, ${l.id}`,
    entryRow,
  );
  const logs = new Map<number, { grade: Grade; reviewedAt: Date }[]>();
  for (const e of entries) {
    if (!isGrade(e.rating)) continue;
    let log = logs.get(e.cardId);
    if (!log) logs.set(e.cardId, (log = []));
    log.push({ grade: e.rating, reviewedAt: new Date(e.reviewedAt) });
  }
  const s = cardStates;
  // Flags (suspended, leech) are the student's and stay; only the memory state is recomputed.
  const update = tx.prepare<Record<string, unknown>>(
    sql`UPDATE ${s} SET ${bare(s.due)} = ${sql.placeholder('due')}, ${bare(s.stability)} = ${sql.placeholder('stability')},
        ${bare(s.difficulty)} = ${sql.placeholder('difficulty')}, ${bare(s.scheduledDays)} = ${sql.placeholder('scheduledDays')},
        ${bare(s.learningSteps)} = ${sql.placeholder('learningSteps')}, ${bare(s.reps)} = ${sql.placeholder('reps')},
        ${bare(s.lapses)} = ${sql.placeholder('lapses')}, ${bare(s.state)} = ${sql.placeholder('state')},
        ${bare(s.lastReview)} = ${sql.placeholder('lastReview')}, ${bare(s.updatedAt)} = ${sql.placeholder('updatedAt')}
      WHERE ${s.userId} = ${sql.placeholder('userId')} AND ${s.cardId} = ${sql.placeholder('cardId')}`,
  );
  for (const cardId of cardIds) {
    const state = replayLog(logs.get(cardId) ?? [], scheduler);
    if (state) await update.run({ userId, cardId, ...stateToRow(state), updatedAt: now });
  }
}

async function replayBatch(userId: number, cardIds: readonly number[], now: number): Promise<void> {
  const db = await engine();
  await db.transaction((tx) => replayBatchIn(tx, userId, cardIds, now));
}

/** Replays every card this student has reviewed; resolves when all are consistent with their current parameters. */
export async function rebuildCardStates(userId: number, options: RebuildOptions = {}): Promise<RebuildProgress> {
  const batchSize = options.batchSize ?? 100;
  // The grade path stamps created_at with the app's clock: compare on the same one.
  const now = options.now ?? (() => appNow().getTime());
  const startedAt = now();
  const cards = await cardsWithLog(userId);
  const progress = { done: 0, total: cards.length };
  for (let i = 0; i < cards.length; i += batchSize) {
    await paced(() => replayBatch(userId, cards.slice(i, i + batchSize), now()), options.share);
    progress.done = Math.min(cards.length, i + batchSize);
    await options.afterBatch?.({ ...progress });
  }
  const graded = await cardsWithLog(userId, startedAt);
  if (graded.length > 0) await replayBatch(userId, graded, now());
  return progress;
}
