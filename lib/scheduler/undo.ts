/**
 * Undo support. Before a review is applied, store `snapshotOf(stateBefore)`
 * next to the review; undoing restores it with `restoreSnapshot`. This gives
 * back exactly the previous state, including `due` (ts-fsrs `rollback` does not
 * restore `due` correctly and must not be used).
 */
import { z } from 'zod';
import { deserializeCardState, serializeCardState, serializedCardStateSchema, type SerializedCardState } from './card-state-json';
import type { CardState } from './types';

export const SNAPSHOT_VERSION = 1;

export type { SerializedCardState };

/** `card: null` means the card had never been studied before the review. */
export interface CardSnapshot {
  v: typeof SNAPSHOT_VERSION;
  card: SerializedCardState | null;
}

/** A snapshot as stored; extra fields (the review log adds the card's flags) are allowed. */
export const snapshotSchema = z.object({
  v: z.literal(SNAPSHOT_VERSION),
  card: serializedCardStateSchema.nullable(),
});

/**
 * Capture a card's state (or "never studied") as plain JSON data.
 * @example JSON.stringify(snapshotOf(null)) // '{"v":1,"card":null}'
 */
export function snapshotOf(state: CardState | null): CardSnapshot {
  return { v: SNAPSHOT_VERSION, card: state === null ? null : serializeCardState(state) };
}

/**
 * Turn a snapshot (object or its JSON string, e.g. from the database) back
 * into a card state. Throws a ZodError/SyntaxError on malformed input.
 * @example restoreSnapshot(snapshotOf(before)) // deep-equals `before`
 */
export function restoreSnapshot(snapshot: unknown): CardState | null {
  const raw: unknown = typeof snapshot === 'string' ? JSON.parse(snapshot) : snapshot;
  return deserializeCardState(snapshotSchema.parse(raw).card);
}
