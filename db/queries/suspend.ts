/** Suspending a card takes it out of every queue for this user until unsuspended; progress is kept. */
import 'server-only';
import { db } from '@/db';
// ENGINE-MERGE: await canStudyCard(…) from './access' (or canStudyCardIn(tx, …) inside a transaction) once this module is on the engine.
import { canStudyCardSync } from './access-legacy';

const upsert = db.$client.prepare(`
  INSERT INTO card_states (user_id, card_id, due, stability, difficulty, scheduled_days, learning_steps, reps, lapses, state, last_review, suspended, leech, updated_at)
  VALUES (@userId, @cardId, @now, 0, 0, 0, 0, 0, 0, 0, NULL, @suspended, 0, @now)
  ON CONFLICT (user_id, card_id) DO UPDATE SET suspended = excluded.suspended, updated_at = excluded.updated_at
`);

/** Returns false when the card is not one this user may study (nothing is written then). */
export function setCardSuspended(userId: number, cardId: number, suspended: boolean, now: Date): boolean {
  if (!canStudyCardSync(userId, cardId)) return false;
  upsert.run({ userId, cardId, suspended: suspended ? 1 : 0, now: now.getTime() });
  return true;
}
