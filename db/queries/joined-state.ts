/**
 * The card_states columns of a LEFT JOIN: all NULL for a card the user never studied, all set
 * otherwise. Decoded as nullable, then turned into the mapper's input (db/card-state-row.ts) or
 * null, so no query has to pretend a left-joined column is never NULL.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { CorruptCardStateError, type CardStateColumns } from '@/db/card-state-row';
import { int } from '@/db/engine/rows';
import { cardStates } from '@/db/schema';

/** The selected state columns, `AS` the names joinedStateShape decodes. */
export const joinedStateColumns = sql`${cardStates.due} AS "due", ${cardStates.stability} AS "stability", ${cardStates.difficulty} AS "difficulty",
  ${cardStates.scheduledDays} AS "scheduledDays", ${cardStates.learningSteps} AS "learningSteps", ${cardStates.reps} AS "reps",
  ${cardStates.lapses} AS "lapses", ${cardStates.state} AS "state", ${cardStates.lastReview} AS "lastReview"`;

export const joinedStateShape = {
  due: int.nullable(),
  stability: z.number().nullable(),
  difficulty: z.number().nullable(),
  scheduledDays: z.number().nullable(),
  learningSteps: int.nullable(),
  reps: int.nullable(),
  lapses: int.nullable(),
  state: int.nullable(),
  lastReview: int.nullable(),
};

type Joined = { [K in keyof typeof joinedStateShape]: z.infer<(typeof joinedStateShape)[K]> };

/** The state columns of a row, or null when the user has no state for the card. */
export function joinedState(r: Joined): CardStateColumns | null {
  if (r.due === null) return null;
  const { due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, state, lastReview } = r;
  if (stability === null || difficulty === null || scheduledDays === null || learningSteps === null || reps === null || lapses === null || state === null) {
    throw new CorruptCardStateError('a card_states column is NULL');
  }
  return { due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, state, lastReview };
}
