/**
 * The one place where our stored `CardState` is converted to and from the
 * ts-fsrs `Card`. Keep both directions here so a round trip is lossless.
 */
import { createEmptyCard, type Card, type State } from 'ts-fsrs';
import type { CardState, CardStateValue } from './types';

/**
 * Our state → ts-fsrs card. `null` (never studied) becomes `createEmptyCard(now)`.
 * The deprecated `elapsed_days` is set to 0: ts-fsrs recomputes it from `last_review`.
 * @example toFsrsCard(null, new Date('2024-03-01T10:00:00Z')).state // 0 (New)
 */
export function toFsrsCard(state: CardState | null, now: Date): Card {
  if (state === null) return createEmptyCard(now);
  const card: Card = {
    due: new Date(state.due.getTime()),
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: 0,
    scheduled_days: state.scheduledDays,
    learning_steps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: state.state as number as State,
  };
  if (state.lastReview) card.last_review = new Date(state.lastReview.getTime());
  return card;
}

/**
 * ts-fsrs card → our state (dates are copied, `last_review` missing → null).
 * @example fromFsrsCard(createEmptyCard(now)).lastReview // null
 */
export function fromFsrsCard(card: Card): CardState {
  return {
    due: new Date(card.due.getTime()),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as number as CardStateValue,
    lastReview: card.last_review ? new Date(card.last_review.getTime()) : null,
  };
}
