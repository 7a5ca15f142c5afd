/**
 * Taking a grade back: undo (the review screen's U) and the correction of a logged grade (a quiz
 * answer's accepted overrule). Both run on the engine, the card's state locked as a grade locks it
 * (review-state.ts), so neither interleaves with a grade of the same card on PostgreSQL either.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { bare, type Fragments } from '@/db/engine/fragments';
import { int, jsonText } from '@/db/engine/rows';
import type { Queryable } from '@/db/engine/types';
import { cardStates, reviewLogs } from '@/db/schema';
import { parametersKey, replayLog, restoreSnapshot, type CardState, type Grade } from '@/lib/scheduler';
import { forgetGradePartsIn } from './grade-parts';
import { cardHistoryIn, lockedStateIn, saveNewWithFlagsIn, saveStateIn, storedSnapshotSchema } from './review-state';
import { studySettingsIn } from './settings';

const p = (name: string) => sql.placeholder(name);
const undoRow = z.object({ id: int, cardId: int, snapshot: jsonText(storedSnapshotSchema).nullable(), undoneAt: int.nullable() });
const regradeRow = z.object({ cardId: int, rating: int, undoneAt: int.nullable() });
const countRow = z.object({ n: int });

function build(f: Fragments) {
  const l = reviewLogs;
  return {
    // Decoded, not cast: a malformed snapshot throws and the transaction changes nothing.
    log: sql`SELECT ${l.id} AS "id", ${l.cardId} AS "cardId", ${f.jsonText(l.snapshotBefore)} AS "snapshot", ${l.undoneAt} AS "undoneAt"
      FROM ${l} WHERE ${l.userId} = ${p('userId')} AND ${l.clientId} = ${p('clientId')}`,
    later: sql`SELECT count(*) AS "n" FROM ${l}
      WHERE ${l.userId} = ${p('userId')} AND ${l.cardId} = ${p('cardId')} AND ${l.id} > ${p('id')} AND ${l.undoneAt} IS NULL`,
    markUndone: sql`UPDATE ${l} SET ${bare(l.undoneAt)} = ${p('at')} WHERE ${l.id} = ${p('id')}`,
    deleteState: sql`DELETE FROM ${cardStates} WHERE ${cardStates.userId} = ${p('userId')} AND ${cardStates.cardId} = ${p('cardId')}`,
    regradeLog: sql`SELECT ${l.cardId} AS "cardId", ${l.rating} AS "rating", ${l.undoneAt} AS "undoneAt"
      FROM ${l} WHERE ${l.id} = ${p('id')} AND ${l.userId} = ${p('userId')}`,
    setRating: sql`UPDATE ${l} SET ${bare(l.rating)} = ${p('rating')} WHERE ${l.id} = ${p('id')}`,
  };
}

const statements = new WeakMap<Fragments, ReturnType<typeof build>>();
function stmts(q: Queryable) {
  let s = statements.get(q.fragments);
  if (!s) statements.set(q.fragments, (s = build(q.fragments)));
  return s;
}

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
export async function undoReview(userId: number, clientId: string, serverNow: Date): Promise<UndoOutcome> {
  const db = await engine();
  return db.transaction(async (tx): Promise<UndoOutcome> => {
    const s = stmts(tx);
    const log = await tx.prepare<{ userId: number; clientId: string }, z.infer<typeof undoRow>>(s.log, undoRow).get({ userId, clientId });
    if (!log) return { ok: false, reason: 'not_found', message: 'There is no such review to undo.' };
    const now = await lockedStateIn(tx, userId, log.cardId);
    if (log.undoneAt !== null) return { ok: true, cardId: log.cardId, state: now.state };
    const later = await tx.prepare<{ userId: number; cardId: number; id: number }, z.infer<typeof countRow>>(s.later, countRow).get({ userId, cardId: log.cardId, id: log.id });
    if ((later?.n ?? 0) > 0) {
      return { ok: false, reason: 'not_latest', message: 'This card has been reviewed again since; only the latest review can be undone.' };
    }
    const snapshot = log.snapshot;
    // Taken with other FSRS weights than those now in use (the card states were replayed with the
    // new ones since): the card becomes what its log without this review replays to with them.
    const { scheduler } = await studySettingsIn(tx, userId);
    const stale = snapshot?.params !== undefined && snapshot.params !== parametersKey(scheduler.weights);
    await tx.prepare(s.markUndone).run({ at: serverNow.getTime(), id: log.id });
    const restored = stale ? replayLog(await cardHistoryIn(tx, userId, log.cardId), scheduler) : snapshot ? restoreSnapshot(snapshot) : null;
    // Only reviews set the leech flag, and this is the card's latest: a flag the snapshot lacks came from it.
    const madeLeech = now.leech && !snapshot?.leech;
    const leech = madeLeech ? false : now.leech;
    const suspended = madeLeech ? now.suspended && Boolean(snapshot?.suspended) : now.suspended;
    if (restored) await saveStateIn(tx, userId, log.cardId, restored, { suspended, leech }, serverNow);
    // Never studied again, but set aside by hand since: a new card that keeps its flags.
    else if (suspended || leech) await saveNewWithFlagsIn(tx, userId, log.cardId, { suspended, leech }, serverNow);
    else await tx.prepare(s.deleteState).run({ userId, cardId: log.cardId });
    await forgetGradePartsIn(tx, userId, clientId);
    return { ok: true, cardId: log.cardId, state: restored };
  });
}

/**
 * Corrects the grade of a review already logged — a quiz answer marked wrong whose overrule was
 * accepted: the log said Again for an answer now judged right, so FSRS would schedule the card as
 * forgotten. The row's rating is corrected (the one place the log is rewritten: its verdict was the
 * app's mistake, not the student's) and the card's state becomes the replay of its whole log, flags
 * kept. Runs inside the caller's transaction `tx`. False when the row is not this user's or was undone.
 */
export async function regradeLoggedReviewIn(tx: Queryable, userId: number, reviewLogId: number, grade: Grade, serverNow: Date): Promise<boolean> {
  const s = stmts(tx);
  const log = await tx.prepare<{ userId: number; id: number }, z.infer<typeof regradeRow>>(s.regradeLog, regradeRow).get({ userId, id: reviewLogId });
  if (!log || log.undoneAt !== null) return false;
  if (log.rating === grade) return true;
  const now = await lockedStateIn(tx, userId, log.cardId);
  await tx.prepare(s.setRating).run({ id: reviewLogId, rating: grade });
  const { scheduler } = await studySettingsIn(tx, userId);
  const state = replayLog(await cardHistoryIn(tx, userId, log.cardId), scheduler);
  if (state) await saveStateIn(tx, userId, log.cardId, state, { suspended: now.suspended, leech: now.leech }, serverNow);
  return true;
}
