/**
 * What the reliability tests check after grading under stress, on either engine: every grade a
 * server acknowledged is in the log exactly once, and each card's state is the replay of its log.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { int } from '@/db/engine/rows';
import type { Queryable } from '@/db/engine/types';
import { cardStates, reviewLogs as l } from '@/db/schema';
import { replayLog, type SchedulerSettings } from '@/lib/scheduler';

export interface AckedGrade {
  userId: number;
  clientId: string;
}

/** The server's scheduler for a user with default settings (fuzz is seeded by the card and the time, so a replay is exact). */
export const DEFAULT_SCHEDULER: SchedulerSettings = { desiredRetention: 0.9, maximumInterval: 36500, enableFuzz: true };

/** Acknowledged grades not in the log exactly once (should be none), and how many rows the log holds. */
export async function acksNotLoggedOnce(db: Queryable, acks: AckedGrade[]): Promise<{ wrong: AckedGrade[]; logged: number }> {
  const rows = await db.all(
    sql`SELECT ${l.userId} AS "userId", ${l.clientId} AS "clientId", count(*) AS "n" FROM ${l} GROUP BY ${l.userId}, ${l.clientId}`,
    z.object({ userId: int, clientId: z.string(), n: int }),
  );
  const byKey = new Map(rows.map((r) => [`${r.userId}:${r.clientId}`, r.n]));
  return { wrong: acks.filter((a) => byKey.get(`${a.userId}:${a.clientId}`) !== 1), logged: rows.reduce((n, r) => n + r.n, 0) };
}

/** Every (user, card) whose stored state differs from a replay of its log (should be none). */
export async function statesNotReplayed(db: Queryable, scheduler: SchedulerSettings = DEFAULT_SCHEDULER): Promise<string[]> {
  const pairs = await db.all(sql`SELECT DISTINCT ${l.userId} AS "userId", ${l.cardId} AS "cardId" FROM ${l}`, z.object({ userId: int, cardId: int }));
  const diverged: string[] = [];
  for (const { userId, cardId } of pairs) {
    const log = await db.all(
      sql`SELECT ${l.rating} AS "rating", ${l.reviewedAt} AS "at" FROM ${l}
          WHERE ${l.userId} = ${userId} AND ${l.cardId} = ${cardId} AND ${l.undoneAt} IS NULL ORDER BY ${l.reviewedAt}, ${l.id}`,
      z.object({ rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]), at: int }),
    );
    const state = await db.get(
      sql`SELECT ${cardStates.due} AS "due", ${cardStates.reps} AS "reps" FROM ${cardStates} WHERE ${cardStates.userId} = ${userId} AND ${cardStates.cardId} = ${cardId}`,
      z.object({ due: int, reps: int }),
    );
    const replayed = replayLog(log.map((r) => ({ grade: r.rating, reviewedAt: new Date(r.at) })), scheduler);
    if (state?.due !== replayed?.due.getTime() || state?.reps !== replayed?.reps) diverged.push(`user ${userId} card ${cardId}`);
  }
  return diverged;
}
