/**
 * One mapper each way between a card_states row and the scheduler's CardState. Rows are decoded,
 * not cast: a value the scheduler cannot take (a state outside 0–3, a NaN, a date beyond the
 * JavaScript range) throws here, where the cause is plain, instead of deep inside FSRS.
 */
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { CardState } from '@/lib/scheduler';
import type { cardStates } from './schema';

const MAX_TIME = 8.64e15; // the largest instant a JavaScript Date holds
const epochMs = z.number().int().min(-MAX_TIME).max(MAX_TIME);

const cardStateColumnsSchema = z.object({
  due: epochMs,
  stability: z.number().finite().min(0),
  difficulty: z.number().finite().min(0),
  scheduledDays: z.number().finite().min(0),
  learningSteps: z.number().int().min(0),
  reps: z.number().int().min(0),
  lapses: z.number().int().min(0),
  state: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  lastReview: epochMs.nullable(),
});

/** The columns of a card_states row as either engine returns them (numbers, not yet checked). */
export interface CardStateColumns {
  due: number;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: number | null;
}

export class CorruptCardStateError extends Error {
  constructor(detail: string) {
    super(`Stored card state is invalid: ${detail}`);
    this.name = 'CorruptCardStateError';
  }
}

export function rowToState(row: CardStateColumns): CardState {
  const parsed = cardStateColumnsSchema.safeParse(row);
  if (!parsed.success) throw new CorruptCardStateError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const c = parsed.data;
  return {
    due: new Date(c.due),
    stability: c.stability,
    difficulty: c.difficulty,
    scheduledDays: c.scheduledDays,
    learningSteps: c.learningSteps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
    lastReview: c.lastReview === null ? null : new Date(c.lastReview),
  };
}

export function stateToRow(state: CardState): CardStateColumns {
  return {
    due: state.due.getTime(),
    stability: state.stability,
    difficulty: state.difficulty,
    scheduledDays: state.scheduledDays,
    learningSteps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: state.state,
    lastReview: state.lastReview ? state.lastReview.getTime() : null,
  };
}

/**
 * The FSRS columns of `t` (card_states or an alias of it) for a query on the engine, each under the
 * name `cardStateColumnsRow` decodes; pass the decoded row to rowToState.
 */
export function cardStateColumnsSql(t: typeof cardStates): SQL {
  return sql`${t.due} AS "due", ${t.stability} AS "stability", ${t.difficulty} AS "difficulty", ${t.scheduledDays} AS "scheduledDays",
    ${t.learningSteps} AS "learningSteps", ${t.reps} AS "reps", ${t.lapses} AS "lapses", ${t.state} AS "state", ${t.lastReview} AS "lastReview"`;
}

/** The shape of `cardStateColumnsSql` (numbers; rowToState checks their ranges and says what is wrong). */
export const cardStateColumnsRow = z.object({
  due: z.number(),
  stability: z.number(),
  difficulty: z.number(),
  scheduledDays: z.number(),
  learningSteps: z.number(),
  reps: z.number(),
  lapses: z.number(),
  state: z.number(),
  lastReview: z.number().nullable(),
});
