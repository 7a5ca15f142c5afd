import { describe, it, expect } from 'vitest';
import { scheduleReview } from '@/lib/scheduler/scheduler';
import { restoreSnapshot, snapshotOf } from '@/lib/scheduler/undo';
import type { CardState, SchedulerSettings } from '@/lib/scheduler/types';

const settings: SchedulerSettings = { desiredRetention: 0.9, maximumInterval: 36500, enableFuzz: false };
const t0 = new Date('2024-03-01T10:00:00Z');

describe('undo snapshots', () => {
  it('schedule → restore gives back exactly the previous state, including due', () => {
    const s1 = scheduleReview(null, 4, t0, settings).next;
    const before: CardState = { ...s1, due: new Date('2024-03-09T10:00:00.987Z') };
    const snap = snapshotOf(before);
    const after = scheduleReview(before, 1, new Date('2024-03-12T08:30:00Z'), settings).next;
    expect(after.due).not.toEqual(before.due);
    const restored = restoreSnapshot(JSON.parse(JSON.stringify(snap)));
    expect(restored).toEqual(before);
    expect(restored?.due.getTime()).toBe(before.due.getTime());
  });

  it('a never-studied card snapshots to null and restores to null', () => {
    const snap = snapshotOf(null);
    expect(JSON.stringify(snap)).toBe('{"v":1,"card":null}');
    expect(restoreSnapshot(snap)).toBeNull();
  });

  it('accepts the JSON string form and keeps lastReview null', () => {
    const s: CardState = { ...scheduleReview(null, 3, t0, settings).next, lastReview: null };
    expect(restoreSnapshot(JSON.stringify(snapshotOf(s)))).toEqual(s);
  });

  it('snapshot dates are ISO strings', () => {
    const s = scheduleReview(null, 3, t0, settings).next;
    expect(snapshotOf(s).card).toMatchObject({ due: '2024-03-01T10:10:00.000Z', lastReview: '2024-03-01T10:00:00.000Z' });
  });

  it('rejects malformed snapshots', () => {
    expect(() => restoreSnapshot({ v: 1, card: { due: 'nope' } })).toThrow();
    expect(() => restoreSnapshot({ v: 2, card: null })).toThrow();
    expect(() => restoreSnapshot('not json')).toThrow();
  });
});
