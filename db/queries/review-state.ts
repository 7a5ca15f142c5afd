/**
 * A card's state as the grade path reads and writes it, inside the grade's (or the undo's)
 * transaction, on either engine: the card_states row (read with a lock on PostgreSQL, so two app
 * servers never interleave two grades of one card), the card's log in time order (for replays),
 * and the upsert of the new state. Statements are built once per engine and prepared.
 */
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { cardStateColumnsRow, cardStateColumnsSql, rowToState, stateToRow } from '@/db/card-state-row';
import { bare, type Fragments } from '@/db/engine/fragments';
import { flag, int } from '@/db/engine/rows';
import type { Queryable } from '@/db/engine/types';
import { cardStates, reviewLogs } from '@/db/schema';
import type { CardState, Grade } from '@/lib/scheduler';
import { snapshotSchema } from '@/lib/scheduler/undo';

/**
 * Snapshot kept in the log so undo restores exactly this (flags included), and the fingerprint of
 * the FSRS weights in use when it was taken (absent in rows written before it was kept).
 */
export const storedSnapshotSchema = snapshotSchema.extend({ suspended: z.boolean(), leech: z.boolean(), params: z.string().max(16).optional() });
export type StoredSnapshot = z.infer<typeof storedSnapshotSchema>;

export interface CurrentState {
  state: CardState | null;
  suspended: boolean;
  leech: boolean;
}

const p = (name: string) => sql.placeholder(name);
const stateRow = cardStateColumnsRow.extend({ suspended: flag, leech: flag });
const historyRow = z.object({ rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]), reviewedAt: int });

const STATE_COLUMNS = [
  cardStates.due, cardStates.stability, cardStates.difficulty, cardStates.scheduledDays, cardStates.learningSteps, cardStates.reps,
  cardStates.lapses, cardStates.state, cardStates.lastReview, cardStates.suspended, cardStates.leech, cardStates.updatedAt,
] as const;
const STATE_VALUES = ['due', 'stability', 'difficulty', 'scheduledDays', 'learningSteps', 'reps', 'lapses', 'state', 'lastReview', 'suspended', 'leech', 'updatedAt'];

function build(f: Fragments) {
  const s = cardStates;
  const l = reviewLogs;
  return {
    state: sql`SELECT ${cardStateColumnsSql(s)}, ${s.suspended} AS "suspended", ${s.leech} AS "leech"
      FROM ${s} WHERE ${s.userId} = ${p('userId')} AND ${s.cardId} = ${p('cardId')}${f.forUpdate()}`,
    history: sql`SELECT ${l.rating} AS "rating", ${l.reviewedAt} AS "reviewedAt" FROM ${l}
      WHERE ${l.userId} = ${p('userId')} AND ${l.cardId} = ${p('cardId')} AND ${l.undoneAt} IS NULL ORDER BY ${l.reviewedAt}, ${l.id}`,
    upsert: sql`INSERT INTO ${s} (${bare(s.userId)}, ${bare(s.cardId)}, ${sql.join(STATE_COLUMNS.map(bare), sql`, `)})
      VALUES (${p('userId')}, ${p('cardId')}, ${sql.join(STATE_VALUES.map(p), sql`, `)})
      ON CONFLICT (${bare(s.userId)}, ${bare(s.cardId)}) DO UPDATE SET ${sql.join(STATE_COLUMNS.map((c) => sql`${bare(c)} = excluded.${bare(c)}`), sql`, `)}`,
    lock: (userId: number, cardId: number): SQL | null => f.pairLock(userId, cardId),
  };
}

const statements = new WeakMap<Fragments, ReturnType<typeof build>>();
function stmts(q: Queryable) {
  let s = statements.get(q.fragments);
  if (!s) statements.set(q.fragments, (s = build(q.fragments)));
  return s;
}

const readState = async (tx: Queryable, userId: number, cardId: number) =>
  tx.prepare<{ userId: number; cardId: number }, z.infer<typeof stateRow>>(stmts(tx).state, stateRow).get({ userId, cardId });

/**
 * The card's state and flags, locked until the transaction ends. A card never studied has no row
 * to lock yet: a lock on (user, card) serialises its first grades instead (PostgreSQL; SQLite's
 * write transaction already excludes every other writer), and the re-read then finds the row a
 * grade that held the lock before us wrote.
 */
export async function lockedStateIn(tx: Queryable, userId: number, cardId: number): Promise<CurrentState> {
  let row = await readState(tx, userId, cardId);
  const lock = row ? null : stmts(tx).lock(userId, cardId);
  if (lock) {
    await tx.run(lock);
    row = await readState(tx, userId, cardId);
  }
  return row ? { state: rowToState(row), suspended: row.suspended, leech: row.leech } : { state: null, suspended: false, leech: false };
}

/** The card's reviews that count (not undone), oldest first: what a replay takes. */
export async function cardHistoryIn(tx: Queryable, userId: number, cardId: number): Promise<{ grade: Grade; reviewedAt: Date }[]> {
  const rows = await tx.prepare<{ userId: number; cardId: number }, z.infer<typeof historyRow>>(stmts(tx).history, historyRow).all({ userId, cardId });
  return rows.map((r) => ({ grade: r.rating, reviewedAt: new Date(r.reviewedAt) }));
}

/** Writes the card's state and flags (inserted or replaced). */
export async function saveStateIn(tx: Queryable, userId: number, cardId: number, state: CardState, flags: { suspended: boolean; leech: boolean }, serverNow: Date): Promise<void> {
  await saveColumnsIn(tx, userId, cardId, stateToRow(state), flags, serverNow);
}

/** The row a card that was never studied has when it is set aside (suspended or a leech). */
export async function saveNewWithFlagsIn(tx: Queryable, userId: number, cardId: number, flags: { suspended: boolean; leech: boolean }, serverNow: Date): Promise<void> {
  const now = serverNow.getTime();
  const blank = { due: now, stability: 0, difficulty: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, state: 0, lastReview: null };
  await saveColumnsIn(tx, userId, cardId, blank, flags, serverNow);
}

async function saveColumnsIn(
  tx: Queryable,
  userId: number,
  cardId: number,
  columns: ReturnType<typeof stateToRow>,
  flags: { suspended: boolean; leech: boolean },
  serverNow: Date,
): Promise<void> {
  // Flags as 0/1: SQLite stores them so, and PostgreSQL reads '1'/'0' into a boolean column.
  await tx.prepare(stmts(tx).upsert).run({ userId, cardId, ...columns, suspended: flags.suspended ? 1 : 0, leech: flags.leech ? 1 : 0, updatedAt: serverNow.getTime() });
}
