import { describe, it, expect } from 'vitest';
import {
  makeScheduler,
  previewGrades,
  replayLog,
  retrievability,
  scheduleReview,
} from '@/lib/scheduler/scheduler';
import type { CardState, Grade, SchedulerSettings } from '@/lib/scheduler/types';

const MIN = 60_000;
const DAY = 86_400_000;
const t0 = new Date('2024-03-01T10:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const settings: SchedulerSettings = { desiredRetention: 0.9, maximumInterval: 36500, enableFuzz: false };

describe('scheduleReview on a new card (steps 1m, 10m)', () => {
  it('Again → learning, due in 1 minute', () => {
    const { next, log } = scheduleReview(null, 1, t0, settings);
    expect(next.state).toBe(1);
    expect(next.due).toEqual(at(MIN));
    expect(next.reps).toBe(1);
    expect(next.lapses).toBe(0);
    expect(next.lastReview).toEqual(t0);
    expect(log).toMatchObject({ rating: 1, stateBefore: 0, stateAfter: 1, due: at(MIN), elapsedMs: null });
  });

  it('Hard → 6 minutes, Good → 10 minutes (second step)', () => {
    expect(scheduleReview(null, 2, t0, settings).next.due).toEqual(at(6 * MIN));
    const good = scheduleReview(null, 3, t0, settings).next;
    expect(good.due).toEqual(at(10 * MIN));
    expect(good.learningSteps).toBe(1);
    expect(good.state).toBe(1);
  });

  it('Easy → graduates straight to review with a multi-day interval', () => {
    const { next, log } = scheduleReview(null, 4, t0, settings);
    expect(next.state).toBe(2);
    expect(next.scheduledDays).toBe(8);
    expect(next.due).toEqual(at(8 * DAY));
    expect(log.scheduledDays).toBe(8);
    expect(log.stability).toBeCloseTo(next.stability, 10);
  });

  it('Good, Good graduates to review with days-long interval', () => {
    const s1 = scheduleReview(null, 3, t0, settings).next;
    const s2 = scheduleReview(s1, 3, at(10 * MIN), settings);
    expect(s2.next.state).toBe(2);
    expect(s2.next.scheduledDays).toBe(2);
    expect(s2.next.due).toEqual(at(10 * MIN + 2 * DAY));
    expect(s2.log.stateBefore).toBe(1);
    expect(s2.log.elapsedMs).toBe(10 * MIN);
  });

  it('Again on a review card → relearning, one lapse, due after the 10m relearning step', () => {
    const review = scheduleReview(null, 4, t0, settings).next;
    const when = review.due;
    const { next, log } = scheduleReview(review, 1, when, settings);
    expect(next.state).toBe(3);
    expect(next.lapses).toBe(1);
    expect(next.due).toEqual(new Date(when.getTime() + 10 * MIN));
    expect(next.stability).toBeLessThan(review.stability);
    expect(log.stateBefore).toBe(2);
  });

  it('does not mutate its input state', () => {
    const s = scheduleReview(null, 4, t0, settings).next;
    const copy = structuredClone(s);
    scheduleReview(s, 3, s.due, settings);
    expect(s).toEqual(copy);
  });

  it('custom learning steps are honoured', () => {
    const custom = { ...settings, learningSteps: ['5m', '1h'] };
    expect(scheduleReview(null, 1, t0, custom).next.due).toEqual(at(5 * MIN));
    expect(scheduleReview(null, 3, t0, custom).next.due).toEqual(at(60 * MIN));
  });

  it('lower desired retention gives longer intervals', () => {
    const easy = scheduleReview(null, 4, t0, settings).next;
    const lo = scheduleReview(easy, 3, easy.due, { ...settings, desiredRetention: 0.8 }).next;
    const hi = scheduleReview(easy, 3, easy.due, { ...settings, desiredRetention: 0.95 }).next;
    expect(lo.scheduledDays).toBeGreaterThan(hi.scheduledDays);
  });

  it('rejects invalid grades and settings', () => {
    expect(() => scheduleReview(null, 0 as Grade, t0, settings)).toThrow(RangeError);
    expect(() => scheduleReview(null, 3, t0, { ...settings, desiredRetention: 0.99 })).toThrow(RangeError);
    expect(() => scheduleReview(null, 3, t0, { ...settings, learningSteps: ['30s'] })).toThrow(RangeError);
  });
});

describe('makeScheduler', () => {
  it('caches one instance per distinct settings', () => {
    expect(makeScheduler({ ...settings })).toBe(makeScheduler({ ...settings }));
    expect(makeScheduler({ ...settings, desiredRetention: 0.85 })).not.toBe(makeScheduler(settings));
  });
});

describe('previewGrades', () => {
  it('new card: 1m / 6m / 10m / 8d', () => {
    const p = previewGrades(null, t0, settings);
    expect(p.map((x) => x.grade)).toEqual([1, 2, 3, 4]);
    expect(p.map((x) => x.intervalLabel)).toEqual(['1m', '6m', '10m', '8d']);
    expect(p[3]?.due).toEqual(at(8 * DAY));
  });

  it('matches what scheduleReview then does', () => {
    const s = scheduleReview(null, 3, t0, settings).next;
    const now = at(10 * MIN);
    for (const p of previewGrades(s, now, settings)) {
      expect(scheduleReview(s, p.grade, now, settings).next.due).toEqual(p.due);
    }
    expect(previewGrades(s, now, settings).map((x) => x.intervalLabel)).toEqual(['1m', '6m', '2d', '4d']);
  });
});

describe('retrievability', () => {
  it('is 0 for new cards', () => {
    expect(retrievability(null, t0, settings)).toBe(0);
    expect(retrievability({ ...scheduleReview(null, 3, t0, settings).next, state: 0 }, t0, settings)).toBe(0);
  });

  it('is 1 right after a review, ~desired retention at the due date, then falls', () => {
    const s = scheduleReview(null, 4, t0, settings).next; // S ≈ 8.3, due in 8 d
    expect(retrievability(s, t0, settings)).toBe(1);
    const atDue = retrievability(s, s.due, settings);
    expect(atDue).toBeGreaterThan(0.89);
    expect(atDue).toBeLessThan(0.92);
    const later = retrievability(s, at(60 * DAY), settings);
    expect(later).toBeLessThan(atDue);
    expect(later).toBeGreaterThan(0);
  });
});

describe('replayLog', () => {
  const grades: Grade[] = [3, 3, 1, 3, 2, 4, 1, 1, 3];

  function incremental(s: SchedulerSettings): { state: CardState | null; entries: { grade: Grade; reviewedAt: Date }[] } {
    let state: CardState | null = null;
    const entries: { grade: Grade; reviewedAt: Date }[] = [];
    let now = t0;
    for (const grade of grades) {
      const r = scheduleReview(state, grade, now, s);
      entries.push({ grade, reviewedAt: now });
      state = r.next;
      now = new Date(r.next.due.getTime() + 3 * 3_600_000); // review a little late
    }
    return { state, entries };
  }

  it('empty log → null', () => {
    expect(replayLog([], settings)).toBeNull();
  });

  it('gives exactly the incremental state, whatever the input order', () => {
    const { state, entries } = incremental(settings);
    expect(replayLog(entries, settings)).toEqual(state);
    expect(replayLog([...entries].reverse(), settings)).toEqual(state);
    // Again in review = lapse; Again while relearning is not another lapse
    expect(state?.lapses).toBe(2);
    expect(state?.reps).toBe(grades.length);
  });

  it('also matches with fuzz on (fuzz is seeded from the card and review time)', () => {
    const fuzzy = { ...settings, enableFuzz: true };
    const { state, entries } = incremental(fuzzy);
    expect(replayLog(entries, fuzzy)).toEqual(state);
  });

  it('keeps input order for equal timestamps (stable sort)', () => {
    const a = replayLog([{ grade: 1, reviewedAt: t0 }, { grade: 4, reviewedAt: t0 }], settings);
    const b = replayLog([{ grade: 4, reviewedAt: t0 }, { grade: 1, reviewedAt: t0 }], settings);
    const inc = scheduleReview(scheduleReview(null, 1, t0, settings).next, 4, t0, settings).next;
    expect(a).toEqual(inc);
    expect(b).not.toEqual(a);
  });
});
