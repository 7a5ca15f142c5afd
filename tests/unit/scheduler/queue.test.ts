import { describe, it, expect } from 'vitest';
import { buildQueue, type QueueCard, type QueueInput } from '@/lib/scheduler/queue';
import { scheduleReview } from '@/lib/scheduler/scheduler';
import type { CardState, SchedulerSettings } from '@/lib/scheduler/types';
import { studyDayBounds } from '@/lib/time/study-day';

const MIN = 60_000;
const DAY = 86_400_000;
const now = new Date('2024-03-09T20:00:00Z'); // 15:00 in New York
const { end: dayEnd } = studyDayBounds(now, 'America/New_York', 4); // 2024-03-10T08:00Z (23 h DST day)
const settings: SchedulerSettings = { desiredRetention: 0.9, maximumInterval: 36500, enableFuzz: false };

function state(kind: 1 | 2 | 3, due: Date, opts: { stability?: number; lastReview?: Date } = {}): CardState {
  return {
    due,
    stability: opts.stability ?? 10,
    difficulty: 5,
    scheduledDays: kind === 2 ? 10 : 0,
    learningSteps: 0,
    reps: 3,
    lapses: 0,
    state: kind,
    lastReview: opts.lastReview ?? new Date(due.getTime() - 10 * DAY),
  };
}

let nextId = 1;
function card(partial: Partial<QueueCard> = {}): QueueCard {
  const id = nextId++;
  return { cardId: id, itemId: `item-${id}`, position: id, state: null, suspended: false, retired: false, ...partial };
}

function input(cards: QueueCard[], extra: Partial<QueueInput> = {}): QueueInput {
  return { now, cards, dayEnd, doneToday: { newCount: 0, reviewCount: 0 }, ...extra };
}

describe('buildQueue', () => {
  it('uses the time-zone day end: due 07:59Z is today in New York, 08:00Z is tomorrow', () => {
    expect(dayEnd).toEqual(new Date('2024-03-10T08:00:00Z'));
    const inToday = card({ state: state(2, new Date('2024-03-10T07:59:59Z')) });
    const tomorrow = card({ state: state(2, new Date('2024-03-10T08:00:00Z')) });
    const q = buildQueue(input([inToday, tomorrow]));
    expect(q.review.map((c) => c.cardId)).toEqual([inToday.cardId]);
  });

  it('sorts reviews by retrievability ascending (most overdue first)', () => {
    const slightlyDue = card({ state: state(2, now, { stability: 10, lastReview: new Date(now.getTime() - 10 * DAY) }) });
    const veryOverdue = card({ state: state(2, now, { stability: 2, lastReview: new Date(now.getTime() - 30 * DAY) }) });
    const mid = card({ state: state(2, now, { stability: 5, lastReview: new Date(now.getTime() - 10 * DAY) }) });
    const q = buildQueue(input([slightlyDue, veryOverdue, mid], { schedulerSettings: settings }));
    expect(q.review.map((c) => c.cardId)).toEqual([veryOverdue.cardId, mid.cardId, slightlyDue.cardId]);
  });

  it('uses a precomputed stateRetrievability when given', () => {
    const a = card({ state: state(2, now), stateRetrievability: 0.8 });
    const b = card({ state: state(2, now), stateRetrievability: 0.5 });
    expect(buildQueue(input([a, b])).review.map((c) => c.cardId)).toEqual([b.cardId, a.cardId]);
  });

  it('caps reviews at reviewsPerDay minus reviews done today', () => {
    const cards = Array.from({ length: 10 }, () => card({ state: state(2, now) }));
    expect(buildQueue(input(cards, { settings: { reviewsPerDay: 6 } })).counts.review).toBe(6);
    const q = buildQueue(input(cards, { settings: { reviewsPerDay: 6 }, doneToday: { newCount: 0, reviewCount: 4 } }));
    expect(q.counts.review).toBe(2);
    const over = buildQueue(input(cards, { settings: { reviewsPerDay: 6 }, doneToday: { newCount: 0, reviewCount: 9 } }));
    expect(over.counts.review).toBe(0);
  });

  it('new cards: priority items first, then position; capped by newPerDay minus done', () => {
    const c3 = card({ position: 3 });
    const c1 = card({ position: 1 });
    const c2 = card({ position: 2 });
    const p9 = card({ position: 9, itemId: 'assigned' });
    const q = buildQueue(
      input([c3, c1, c2, p9], {
        settings: { newPerDay: 3 },
        doneToday: { newCount: 1, reviewCount: 0 },
        priorityItemIds: new Set(['assigned']),
      }),
    );
    expect(q.new.map((c) => c.cardId)).toEqual([p9.cardId, c1.cardId]);
    expect(q.counts.new).toBe(2);
  });

  it('defaults to 20 new cards per day', () => {
    const cards = Array.from({ length: 30 }, () => card());
    expect(buildQueue(input(cards)).counts.new).toBe(20);
  });

  it('excludes suspended cards in every queue', () => {
    const cards = [
      card({ suspended: true }),
      card({ suspended: true, state: state(2, now) }),
      card({ suspended: true, state: state(1, now) }),
    ];
    expect(buildQueue(input(cards)).counts).toEqual({ learning: 0, review: 0, new: 0 });
  });

  it('retired cards are not introduced as new, but studied retired cards keep their reviews', () => {
    const retiredNew = card({ retired: true });
    const retiredReview = card({ retired: true, state: state(2, now) });
    const retiredLearning = card({ retired: true, state: state(3, now) });
    const q = buildQueue(input([retiredNew, retiredReview, retiredLearning]));
    expect(q.new).toEqual([]);
    expect(q.review.map((c) => c.cardId)).toEqual([retiredReview.cardId]);
    expect(q.learning.map((c) => c.cardId)).toEqual([retiredLearning.cardId]);
  });

  it('learning/relearning cards due before day end are in learning, sorted by due, not capped', () => {
    const later = card({ state: state(1, new Date(now.getTime() + 30 * MIN)) });
    const sooner = card({ state: state(3, new Date(now.getTime() + 5 * MIN)) });
    const tomorrow = card({ state: state(1, new Date(dayEnd.getTime() + MIN)) });
    const q = buildQueue(input([later, sooner, tomorrow], { settings: { reviewsPerDay: 0, newPerDay: 0 } }));
    expect(q.learning.map((c) => c.cardId)).toEqual([sooner.cardId, later.cardId]);
    expect(q.counts).toEqual({ learning: 2, review: 0, new: 0 });
  });

  it('a card graded Again comes back in learning one minute later', () => {
    const { next } = scheduleReview(null, 1, now, settings);
    expect(next.due).toEqual(new Date(now.getTime() + MIN));
    const c = card({ state: next });
    const q = buildQueue(input([c], { schedulerSettings: settings }));
    expect(q.learning.map((x) => x.cardId)).toEqual([c.cardId]);
    expect(q.counts.new).toBe(0);
  });
});
