import { describe, it, expect } from 'vitest';
import { createEmptyCard, fsrs, Rating, State, type Card } from 'ts-fsrs';
import { fromFsrsCard, toFsrsCard } from '@/lib/scheduler/fsrs-mapper';
import type { CardState } from '@/lib/scheduler/types';

const now = new Date('2024-03-01T10:00:00Z');

describe('fsrs-mapper', () => {
  it('null becomes an empty ts-fsrs card due now', () => {
    const card = toFsrsCard(null, now);
    expect(card.state).toBe(State.New);
    expect(card.due).toEqual(now);
    expect(card.reps).toBe(0);
    expect(card.last_review).toBeUndefined();
  });

  it('CardState → Card → CardState is lossless', () => {
    const state: CardState = {
      due: new Date('2024-03-11T10:00:00.123Z'),
      stability: 12.3456,
      difficulty: 5.4321,
      scheduledDays: 10,
      learningSteps: 0,
      reps: 7,
      lapses: 2,
      state: 2,
      lastReview: new Date('2024-03-01T10:00:00.123Z'),
    };
    const card = toFsrsCard(state, now);
    expect(card).toMatchObject({ stability: 12.3456, scheduled_days: 10, reps: 7, lapses: 2, state: State.Review });
    expect(fromFsrsCard(card)).toEqual(state);
  });

  it('lastReview null round-trips as null', () => {
    const state: CardState = { ...fromFsrsCard(createEmptyCard(now)) };
    expect(state.lastReview).toBeNull();
    expect(fromFsrsCard(toFsrsCard(state, now))).toEqual(state);
  });

  it('Card → CardState → Card keeps every non-deprecated field', () => {
    const card: Card = fsrs({ enable_fuzz: false }).next(createEmptyCard(now), now, Rating.Good).card;
    const back = toFsrsCard(fromFsrsCard(card), now);
    expect({ ...back, elapsed_days: card.elapsed_days }).toEqual(card);
  });

  it('does not share Date objects with its input', () => {
    const card = createEmptyCard(now);
    const state = fromFsrsCard(card);
    expect(state.due).not.toBe(card.due);
    expect(toFsrsCard(state, now).due).not.toBe(state.due);
  });
});
