/**
 * The one JSON form of a card's memory state, and its decoder. Undo snapshots stored in the
 * review log, the review session kept in the browser and the queue the server sends it all use
 * this pair, so a state survives every trip (dates as ISO-8601 strings, millisecond precision).
 */
import { z } from 'zod';
import type { CardState } from './types';

const isoDate = z.string().refine((s) => Number.isFinite(Date.parse(s)), 'invalid date');

/** Bounds: what FSRS can produce (stability and difficulty are positive finite numbers, counts are whole). */
export const serializedCardStateSchema = z.object({
  due: isoDate,
  stability: z.number().finite().min(0),
  difficulty: z.number().finite().min(0),
  scheduledDays: z.number().finite().min(0),
  learningSteps: z.number().int().min(0),
  reps: z.number().int().min(0),
  lapses: z.number().int().min(0),
  state: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  lastReview: isoDate.nullable(),
});

export type SerializedCardState = z.infer<typeof serializedCardStateSchema>;

/** @example serializeCardState(state).due // '2026-03-02T09:10:00.000Z' */
export function serializeCardState(state: CardState): SerializedCardState {
  return {
    due: state.due.toISOString(),
    stability: state.stability,
    difficulty: state.difficulty,
    scheduledDays: state.scheduledDays,
    learningSteps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: state.state,
    lastReview: state.lastReview ? state.lastReview.toISOString() : null,
  };
}

/** The inverse of `serializeCardState`; `null` (never studied) stays `null`. Expects decoded input. */
export function deserializeCardState(s: SerializedCardState | null): CardState | null {
  if (s === null) return null;
  return {
    due: new Date(s.due),
    stability: s.stability,
    difficulty: s.difficulty,
    scheduledDays: s.scheduledDays,
    learningSteps: s.learningSteps,
    reps: s.reps,
    lapses: s.lapses,
    state: s.state,
    lastReview: s.lastReview === null ? null : new Date(s.lastReview),
  };
}
