/**
 * Undo support. Before a review is applied, store `snapshotOf(stateBefore)`
 * next to the review; undoing restores it with `restoreSnapshot`. This gives
 * back exactly the previous state, including `due` (ts-fsrs `rollback` does not
 * restore `due` correctly and must not be used).
 */
import { z } from 'zod';
import type { CardState } from './types';

export const SNAPSHOT_VERSION = 1;

/** JSON-serialisable card state; dates are ISO-8601 strings (millisecond precision). */
export interface SerializedCardState {
  due: string;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: 0 | 1 | 2 | 3;
  lastReview: string | null;
}

/** `card: null` means the card had never been studied before the review. */
export interface CardSnapshot {
  v: typeof SNAPSHOT_VERSION;
  card: SerializedCardState | null;
}

const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'invalid date');

const snapshotSchema = z.object({
  v: z.literal(SNAPSHOT_VERSION),
  card: z
    .object({
      due: isoDate,
      stability: z.number().finite(),
      difficulty: z.number().finite(),
      scheduledDays: z.number().finite(),
      learningSteps: z.number().int().min(0),
      reps: z.number().int().min(0),
      lapses: z.number().int().min(0),
      state: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
      lastReview: isoDate.nullable(),
    })
    .nullable(),
});

/**
 * Capture a card's state (or "never studied") as plain JSON data.
 * @example JSON.stringify(snapshotOf(null)) // '{"v":1,"card":null}'
 */
export function snapshotOf(state: CardState | null): CardSnapshot {
  if (state === null) return { v: SNAPSHOT_VERSION, card: null };
  return {
    v: SNAPSHOT_VERSION,
    card: {
      due: state.due.toISOString(),
      stability: state.stability,
      difficulty: state.difficulty,
      scheduledDays: state.scheduledDays,
      learningSteps: state.learningSteps,
      reps: state.reps,
      lapses: state.lapses,
      state: state.state,
      lastReview: state.lastReview ? state.lastReview.toISOString() : null,
    },
  };
}

/**
 * Turn a snapshot (object or its JSON string, e.g. from the database) back
 * into a card state. Throws a ZodError/SyntaxError on malformed input.
 * @example restoreSnapshot(snapshotOf(before)) // deep-equals `before`
 */
export function restoreSnapshot(snapshot: unknown): CardState | null {
  const raw: unknown = typeof snapshot === 'string' ? JSON.parse(snapshot) : snapshot;
  const { card } = snapshotSchema.parse(raw);
  if (card === null) return null;
  return {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduledDays,
    learningSteps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.lastReview === null ? null : new Date(card.lastReview),
  };
}
