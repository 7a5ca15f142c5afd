import { describe, expect, it } from 'vitest';
import { default_w } from 'ts-fsrs';
import { masteredRatioBand, masteryCounts } from '@/lib/stats/mastery';
import type { SchedulerSettings } from '@/lib/scheduler/types';

const DAY = 86_400_000;
const now = new Date('2024-03-01T10:00:00Z');
const base: SchedulerSettings = { desiredRetention: 0.9, maximumInterval: 36500, enableFuzz: false };
// FSRS-6 weights with a much flatter forgetting curve (decay 0.1 instead of the default).
const flat: SchedulerSettings = { ...base, weights: [...default_w.slice(0, 20), 0.1] };

/** masteryCounts' verdict on one Review card `ratio` stabilities after its last review. */
function mastered(stability: number, ratio: number, settings: SchedulerSettings, threshold?: number): boolean {
  const state = { state: 2 as const, stability, lastReview: new Date(now.getTime() - Math.round(ratio * stability * DAY)) };
  return masteryCounts([{ state, suspended: false }], now, settings, threshold).mastered === 1;
}

describe('masteredRatioBand', () => {
  it('brackets the line tightly: stability is where retrievability falls to 90%', () => {
    const { masteredUpTo, learningFrom } = masteredRatioBand(base);
    expect(masteredUpTo).toBeGreaterThan(0.99999);
    expect(masteredUpTo).toBeLessThan(1);
    expect(learningFrom).toBeGreaterThan(1);
    expect(learningFrom).toBeLessThan(1.00001);
  });

  it.each([
    ['default weights, threshold 0.9', base, undefined],
    ['default weights, threshold 0.5', base, 0.5],
    ['a flat forgetting curve', flat, undefined],
    ['threshold 1', base, 1],
  ] as const)('agrees with masteryCounts wherever it decides: %s', (_label, settings, threshold) => {
    const { masteredUpTo, learningFrom } = masteredRatioBand(settings, threshold);
    let seed = 3;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const line = Number.isFinite(learningFrom) && learningFrom < 1e300 ? (masteredUpTo + learningFrom) / 2 : 1;
    const ratios = [0, 0.5 * line, line * (1 - 2e-6), line * (1 + 2e-6), 2 * line, ...Array.from({ length: 300 }, () => line * (1 + (rand() - 0.5) * 1e-4)), ...Array.from({ length: 300 }, () => rand() * 3 * line)];
    for (const ratio of ratios) {
      for (const stability of [0.3, 7, 1000]) {
        const exact = mastered(stability, ratio, settings, threshold);
        // The query compares elapsed ms with stability × bound; mirror that arithmetic.
        const elapsed = Math.round(ratio * stability * DAY);
        if (elapsed <= stability * masteredUpTo * DAY) expect(exact, `ratio ${ratio}, stability ${stability}`).toBe(true);
        else if (elapsed >= stability * learningFrom * DAY) expect(exact, `ratio ${ratio}, stability ${stability}`).toBe(false);
      }
    }
  });

  it('a lower threshold moves the line out; a flatter curve too', () => {
    expect(masteredRatioBand(base, 0.5).masteredUpTo).toBeGreaterThan(10);
    expect(masteredRatioBand(flat).masteredUpTo).toBeCloseTo(masteredRatioBand(base).masteredUpTo, 3); // R(S) = 90% by definition
    expect(masteredRatioBand(flat, 0.5).masteredUpTo).toBeGreaterThan(masteredRatioBand(base, 0.5).masteredUpTo);
  });

  it('rejects thresholds outside (0, 1]', () => {
    expect(() => masteredRatioBand(base, 0)).toThrow(RangeError);
    expect(() => masteredRatioBand(base, 1.5)).toThrow(RangeError);
  });
});
