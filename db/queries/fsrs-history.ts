/**
 * Review histories as FSRS training items: one student's, or a pool's (every student of a deck,
 * or of a class on the decks assigned to it). Undone reviews are left out (they no longer count
 * anywhere). Quiz answers are kept: they are objective recall tests of the same memory, and they
 * already move the card's state (the log is replayed with them), so the model must predict them too.
 * Days are each student's own study days (time zone and rollover hour).
 */
import 'server-only';
import { db } from '@/db';
import { trainingItems, type FitReview, type TrainingItem } from '@/lib/scheduler/fit';
import type { Grade } from '@/lib/scheduler';
import { daysBetween, studyDayKey } from '@/lib/time/study-day';
import { paced } from '@/lib/time/background-pace';
import { studySettingsForSync } from './settings-sync-legacy'; // ENGINE-MERGE: await studySettingsFor (settings.ts)

/** A pool larger than this is sampled by student (whole histories), so a refit stays bounded in time and memory. */
export const POOL_MAX_ITEMS = 60_000;

const userLog = db.$client.prepare<{ userId: number }, { cardId: number; reviewedAt: number; rating: number }>(
  `SELECT card_id AS cardId, reviewed_at AS reviewedAt, rating FROM review_logs
   WHERE user_id = @userId AND undone_at IS NULL ORDER BY reviewed_at, id`,
);

const userDeckLog = db.$client.prepare<{ userId: number; deckId: string }, { cardId: number; reviewedAt: number; rating: number }>(
  `SELECT r.card_id AS cardId, r.reviewed_at AS reviewedAt, r.rating FROM review_logs r JOIN cards c ON c.id = r.card_id
   WHERE r.user_id = @userId AND c.deck_id = @deckId AND r.undone_at IS NULL ORDER BY r.reviewed_at, r.id`,
);

const deckLearners = db.$client.prepare<{ deckId: string }, { userId: number }>(
  `SELECT DISTINCT r.user_id AS userId FROM review_logs r JOIN cards c ON c.id = r.card_id
   WHERE c.deck_id = @deckId AND r.undone_at IS NULL ORDER BY r.user_id`,
);

const classDecks = db.$client.prepare<{ classId: number }, { deckId: string }>(
  'SELECT DISTINCT deck_id AS deckId FROM assignments WHERE class_id = @classId ORDER BY deck_id',
);

const classStudents = db.$client.prepare<{ classId: number }, { userId: number }>(
  'SELECT user_id AS userId FROM enrollments WHERE class_id = @classId ORDER BY user_id',
);

function toReviews(rows: { cardId: number; reviewedAt: number; rating: number }[]): FitReview[] {
  const out: FitReview[] = [];
  for (const r of rows) if (r.rating >= 1 && r.rating <= 4) out.push({ cardId: r.cardId, reviewedAt: r.reviewedAt, rating: r.rating as Grade });
  return out;
}

/** Numbering of a student's study days (days since 1970-01-01 of the study-day key). */
function studyDayNumbering(userId: number): (ms: number) => number {
  const { timeZone, rolloverHour } = studySettingsForSync(userId);
  return (ms) => daysBetween('1970-01-01', studyDayKey(new Date(ms), timeZone, rolloverHour));
}

export interface History {
  items: TrainingItem[];
  reviews: number;
}

/** One student's whole history, every deck. */
export function historyOfUser(userId: number): History {
  const reviews = toReviews(userLog.all({ userId }));
  return { items: trainingItems(reviews, studyDayNumbering(userId)), reviews: reviews.length };
}

export type PoolScope = { kind: 'deck'; deckId: string } | { kind: 'class'; classId: number };

/** Who and what a pool is made of: (student, deck) pairs. */
function poolMembers(scope: PoolScope): { userId: number; deckId: string }[] {
  if (scope.kind === 'deck') return deckLearners.all({ deckId: scope.deckId }).map((r) => ({ userId: r.userId, deckId: scope.deckId }));
  const decks = classDecks.all({ classId: scope.classId }).map((r) => r.deckId);
  return classStudents.all({ classId: scope.classId }).flatMap((s) => decks.map((deckId) => ({ userId: s.userId, deckId })));
}

/**
 * A pool's history, built student by student with a pause after each (in proportion to its time,
 * lib/time/background-pace.ts) so that grading goes on meanwhile. Capped at POOL_MAX_ITEMS: students are taken in a fixed pseudo-random order.
 */
export async function historyOfPool(scope: PoolScope, maxItems = POOL_MAX_ITEMS): Promise<History & { learners: number }> {
  const members = poolMembers(scope).sort((a, b) => scramble(a.userId) - scramble(b.userId));
  const items: TrainingItem[] = [];
  let reviews = 0;
  const learners = new Set<number>();
  for (const m of members) {
    if (items.length >= maxItems) break;
    const found = await paced(() => {
      const rows = toReviews(userDeckLog.all(m));
      // Card ids are per deck, so two students' items never mix: trainingItems groups by card within one student.
      if (rows.length > 0) for (const item of trainingItems(rows, studyDayNumbering(m.userId))) items.push(item);
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
