/**
 * Review histories as FSRS training items: one student's, or a pool's (every student of a deck,
 * or of a class on the decks assigned to it). Undone reviews are left out (they no longer count
 * anywhere). Quiz answers are kept: they are objective recall tests of the same memory, and they
 * already move the card's state (the log is replayed with them), so the model must predict them too.
 * Days are each student's own study days (time zone and rollover hour).
 * On the engine (db/engine): the same SQL on SQLite and PostgreSQL.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { int } from '@/db/engine/rows';
import { assignments, cards, enrollments, reviewLogs } from '@/db/schema';
import { trainingItems, type FitReview, type TrainingItem } from '@/lib/scheduler/fit';
import type { Grade } from '@/lib/scheduler';
import { daysBetween, studyDayKey } from '@/lib/time/study-day';
import { paced } from '@/lib/time/background-pace';
import { studySettingsFor } from './settings';

/** A pool larger than this is sampled by student (whole histories), so a refit stays bounded in time and memory. */
export const POOL_MAX_ITEMS = 60_000;

const logRow = z.object({ cardId: int, reviewedAt: int, rating: int });
const userRow = z.object({ userId: int });
const deckRow = z.object({ deckId: z.string() });

/** One student's log (every deck, or one deck's cards), oldest first, without undone reviews. */
async function logOf(userId: number, deckId?: string): Promise<z.infer<typeof logRow>[]> {
  const db = await engine();
  const r = alias(reviewLogs, 'r');
  const c = alias(cards, 'c');
  if (deckId === undefined) {
    return db.all(
      sql`SELECT ${r.cardId} AS "cardId", ${r.reviewedAt} AS "reviewedAt", ${r.rating} AS "rating" FROM ${reviewLogs} ${r}
        WHERE ${r.userId} = ${userId} AND ${r.undoneAt} IS NULL ORDER BY ${r.reviewedAt}, ${r.id}`,
      logRow,
    );
  }
  return db.all(
    sql`SELECT ${r.cardId} AS "cardId", ${r.reviewedAt} AS "reviewedAt", ${r.rating} AS "rating" FROM ${reviewLogs} ${r}
      JOIN ${cards} ${c} ON ${c.id} = ${r.cardId}
      WHERE ${r.userId} = ${userId} AND ${c.deckId} = ${deckId} AND ${r.undoneAt} IS NULL ORDER BY ${r.reviewedAt}, ${r.id}`,
    logRow,
  );
}

const isGrade = (rating: number): rating is Grade => rating === 1 || rating === 2 || rating === 3 || rating === 4;

function toReviews(rows: { cardId: number; reviewedAt: number; rating: number }[]): FitReview[] {
  const out: FitReview[] = [];
  for (const r of rows) if (isGrade(r.rating)) out.push({ cardId: r.cardId, reviewedAt: r.reviewedAt, rating: r.rating });
  return out;
}

/** Numbering of a student's study days (days since 1970-01-01 of the study-day key). */
async function studyDayNumbering(userId: number): Promise<(ms: number) => number> {
  const { timeZone, rolloverHour } = await studySettingsFor(userId);
  return (ms) => daysBetween('1970-01-01', studyDayKey(new Date(ms), timeZone, rolloverHour));
}

export interface History {
  items: TrainingItem[];
  reviews: number;
}

/** One student's whole history, every deck. */
export async function historyOfUser(userId: number): Promise<History> {
  const reviews = toReviews(await logOf(userId));
  return { items: trainingItems(reviews, await studyDayNumbering(userId)), reviews: reviews.length };
}

export type PoolScope = { kind: 'deck'; deckId: string } | { kind: 'class'; classId: number };

/** Who and what a pool is made of: (student, deck) pairs. */
async function poolMembers(scope: PoolScope): Promise<{ userId: number; deckId: string }[]> {
  const db = await engine();
  if (scope.kind === 'deck') {
    const r = alias(reviewLogs, 'r');
    const c = alias(cards, 'c');
    const learners = await db.all(
      sql`SELECT DISTINCT ${r.userId} AS "userId" FROM ${reviewLogs} ${r} JOIN ${cards} ${c} ON ${c.id} = ${r.cardId}
        WHERE ${c.deckId} = ${scope.deckId} AND ${r.undoneAt} IS NULL ORDER BY ${r.userId}`,
      userRow,
    );
    return learners.map((r) => ({ userId: r.userId, deckId: scope.deckId }));
  }
  const decks = await db.all(
    sql`SELECT DISTINCT ${assignments.deckId} AS "deckId" FROM ${assignments} WHERE ${assignments.classId} = ${scope.classId} ORDER BY ${assignments.deckId}`,
    deckRow,
  );
  const students = await db.all(
    sql`SELECT ${enrollments.userId} AS "userId" FROM ${enrollments} WHERE ${enrollments.classId} = ${scope.classId} ORDER BY ${enrollments.userId}`,
    userRow,
  );
  return students.flatMap((s) => decks.map((d) => ({ userId: s.userId, deckId: d.deckId })));
}

/**
 * A pool's history, built student by student with a pause after each (in proportion to its time,
 * lib/time/background-pace.ts) so that grading goes on meanwhile. Capped at POOL_MAX_ITEMS: students are taken in a fixed pseudo-random order.
 */
export async function historyOfPool(scope: PoolScope, maxItems = POOL_MAX_ITEMS): Promise<History & { learners: number }> {
  const members = (await poolMembers(scope)).sort((a, b) => scramble(a.userId) - scramble(b.userId));
  const items: TrainingItem[] = [];
  let reviews = 0;
  const learners = new Set<number>();
  for (const m of members) {
    if (items.length >= maxItems) break;
    const found = await paced(async () => {
      const rows = toReviews(await logOf(m.userId, m.deckId));
      // Card ids are per deck, so two students' items never mix: trainingItems groups by card within one student.
      if (rows.length > 0) for (const item of trainingItems(rows, await studyDayNumbering(m.userId))) items.push(item);
      return rows.length;
    });
    if (found === 0) continue;
    reviews += found;
    learners.add(m.userId);
  }
  items.sort((a, b) => a.at - b.at);
  return { items, reviews, learners: learners.size };
}

/** A fixed shuffle of user ids (Knuth's multiplicative hash), so a capped pool is not just the oldest accounts. */
function scramble(id: number): number {
  return Math.imul(id, 2654435761) >>> 0;
}
