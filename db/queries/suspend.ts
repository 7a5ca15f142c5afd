/** Suspending a card takes it out of every queue for this user until unsuspended; progress is kept. */
import 'server-only';
import { sql } from 'drizzle-orm';
import { engine } from '@/db/engine';
import { bare } from '@/db/engine/fragments';
import { cardStates } from '@/db/schema';
import { canStudyCard } from './access';

/** Returns false when the card is not one this user may study (nothing is written then). */
export async function setCardSuspended(userId: number, cardId: number, suspended: boolean, now: Date): Promise<boolean> {
  // ENGINE-MERGE: `await canStudyCard(...)` is already right once access.ts is async.
  if (!(await canStudyCard(userId, cardId))) return false;
  const db = await engine();
  const s = cardStates;
  const at = now.getTime();
  // A card never studied gets the row of a new card that carries the flag (as undo writes it).
  await db.run(sql`INSERT INTO ${s} (${bare(s.userId)}, ${bare(s.cardId)}, ${bare(s.due)}, ${bare(s.stability)}, ${bare(s.difficulty)},
      ${bare(s.scheduledDays)}, ${bare(s.learningSteps)}, ${bare(s.reps)}, ${bare(s.lapses)}, ${bare(s.state)}, ${bare(s.lastReview)},
      ${bare(s.suspended)}, ${bare(s.leech)}, ${bare(s.updatedAt)})
    VALUES (${userId}, ${cardId}, ${at}, 0, 0, 0, 0, 0, 0, 0, NULL, ${db.fragments.bool(suspended)}, ${db.fragments.bool(false)}, ${at})
    ON CONFLICT (${bare(s.userId)}, ${bare(s.cardId)}) DO UPDATE SET ${bare(s.suspended)} = excluded.${bare(s.suspended)}, ${bare(s.updatedAt)} = excluded.${bare(s.updatedAt)}`);
  return true;
}
