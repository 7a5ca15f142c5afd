import { describe, expect, it } from 'vitest';
import { applyGrade, LEARN_AHEAD_MS, nextCard, scrambledOrder, startSession } from '@/lib/review/session';
import type { ReviewCard } from '@/lib/review/types';
import type { SchedulerSettings } from '@/lib/scheduler';

const settings: SchedulerSettings = { desiredRetention: 0.9, maximumInterval: 36500, enableFuzz: false };
const T0 = new Date('2026-05-04T08:00:00Z');
const DAY_END = new Date('2026-05-05T04:00:00Z').getTime();

function card(id: number, kind: ReviewCard['kind'], due?: string): ReviewCard {
  return {
    id,
    itemId: `item-${id}`,
    type: 'basic',
    payload: { type: 'basic', front: `front ${id}`, back: `back ${id}` },
    explanation: null,
    evidenceQuote: null,
    evidenceRef: null,
    sectionKey: 's',
    sectionTitle: 'S',
    state: due ? { due, stability: 3, difficulty: 5, scheduledDays: 0, learningSteps: 1, reps: 1, lapses: 0, state: kind === 'learning' ? 1 : 2, lastReview: '2026-05-04T07:50:00.000Z' } : null,
    kind,
  };
}

describe('review session', () => {
  it('shows due learning cards first, then reviews, then new cards', () => {
    const s = startSession([card(1, 'new'), card(2, 'review', '2026-05-03T00:00:00.000Z'), card(3, 'learning', '2026-05-04T07:59:00.000Z')]);
    expect(nextCard(s, T0.getTime())).toMatchObject({ card: { id: 3 }, from: 'learning' });
    const s2 = { ...s, learning: [] };
    expect(nextCard(s2, T0.getTime())).toMatchObject({ card: { id: 2 }, from: 'review' });
    expect(nextCard({ ...s2, review: [] }, T0.getTime())).toMatchObject({ card: { id: 1 }, from: 'new' });
  });

  it('brings a card graded Again back after its one-minute learning step, in the same session', () => {
    const s = startSession([card(1, 'new'), card(2, 'new')]);
    const step = applyGrade(s, s.fresh[0] as ReviewCard, 1, T0, settings, DAY_END);
    expect(step.next.due.getTime()).toBe(T0.getTime() + 60_000);
    expect(step.session.learning.map((c) => c.id)).toEqual([1]);
    expect(step.session.fresh.map((c) => c.id)).toEqual([2]);
    // Card 2 is shown first; card 1 comes back once it is due (or early when nothing else is left).
    expect(nextCard(step.session, T0.getTime() + 1000)).toMatchObject({ card: { id: 2 } });
    const afterTwo = applyGrade(step.session, step.session.fresh[0] as ReviewCard, 4, T0, settings, DAY_END).session;
    expect(nextCard(afterTwo, T0.getTime() + 1000)).toMatchObject({ card: { id: 1 }, from: 'learning' });
    expect(afterTwo.reviewed).toBe(2);
    expect(afterTwo.again).toBe(1);
  });

  it('lets a card leave the session when its next step falls after the end of the study day', () => {
    const s = startSession([card(1, 'new')]);
    const lateEnd = T0.getTime() + 5 * 60_000; // the day ends in 5 minutes; Good's 10-minute step is after it
    const step = applyGrade(s, s.fresh[0] as ReviewCard, 3, T0, settings, lateEnd);
    expect(step.session.learning).toHaveLength(0);
    expect(nextCard(step.session, T0.getTime())).toBeNull();
  });

  it('shows a learning card 20 minutes early when nothing else is left, and not a millisecond earlier', () => {
    const due = Date.parse('2026-05-04T09:00:00.000Z');
    const s = startSession([card(1, 'learning', '2026-05-04T09:00:00.000Z')]);
    expect(LEARN_AHEAD_MS).toBe(20 * 60_000);
    expect(nextCard(s, due - 20 * 60_000)).toMatchObject({ card: { id: 1 }, from: 'learning' });
    expect(nextCard(s, due - 20 * 60_000 - 1)).toEqual({ waitUntil: due });
    // The same boundary with a review left: the review comes first, the learning card waits.
    const withReview = startSession([card(1, 'learning', '2026-05-04T09:00:00.000Z'), card(2, 'review')]);
    expect(nextCard(withReview, due - 60_000)).toMatchObject({ card: { id: 2 }, from: 'review' });
  });

  it('waits for a learning card more than 20 minutes away', () => {
    const s = startSession([card(1, 'learning', '2026-05-04T09:00:00.000Z')]);
    expect(nextCard(s, T0.getTime())).toEqual({ waitUntil: Date.parse('2026-05-04T09:00:00.000Z') });
    expect(nextCard(s, Date.parse('2026-05-04T08:45:00.000Z'))).toMatchObject({ card: { id: 1 } });
  });

  it('never hands out an ordering question already in order', () => {
    for (let seed = 0; seed < 200; seed++) {
      const order = scrambledOrder(3, seed);
      expect([...order].sort()).toEqual([0, 1, 2]);
      expect(order).not.toEqual([0, 1, 2]);
    }
  });
});
