/** One mapper each way between a card_states row and the scheduler's CardState. */
import type { CardState, CardStateValue } from '@/lib/scheduler';

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

export function rowToState(row: CardStateColumns): CardState {
  return {
    due: new Date(row.due),
    stability: row.stability,
    difficulty: row.difficulty,
    scheduledDays: row.scheduledDays,
    learningSteps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    state: row.state as CardStateValue,
    lastReview: row.lastReview === null ? null : new Date(row.lastReview),
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
