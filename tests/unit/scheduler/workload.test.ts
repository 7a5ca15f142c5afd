import { describe, expect, it } from 'vitest';
import { simulateWorkload } from '@/lib/scheduler/workload';
import { scheduleReview, type CardState } from '@/lib/scheduler';

const NOW = new Date('2026-06-01T10:00:00Z');
const base = { desiredRetention: 0.9, maximumInterval: 36500, enableFuzz: false };
const fresh = (n: number) => Array.from({ length: n }, (): CardState | null => null);

describe('simulateWorkload', () => {
  it('is zero with no cards', () => {
    const w = simulateWorkload({ cards: [], newPerDay: 20, settings: base, now: NOW, days: 30 });
    expect(w.perDay.every((x) => x === 0)).toBe(true);
  });

  it('introduces new cards at the daily limit, each with its learning steps on that day', () => {
    const w = simulateWorkload({ cards: fresh(10), newPerDay: 5, settings: base, now: NOW, days: 3, maxCards: 10 });
    // Day 0: five new cards, each answered Good (to the 10m step) and Good again (graduates): two reviews each.
    expect(w.perDay[0]).toBe(10);
    // Day 1: the other five new cards, plus any of day 0's that came due.
    expect(w.perDay[1]).toBeGreaterThanOrEqual(10);
    expect(w.perDay.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(20);
  });

  it('costs more reviews at a higher desired retention', () => {
    const cards = fresh(150);
    const at = (r: number) => simulateWorkload({ cards, newPerDay: 10, settings: { ...base, desiredRetention: r }, now: NOW, days: 365, seed: 3 }).meanAll;
    expect(at(0.8)).toBeLessThan(at(0.9));
    expect(at(0.9)).toBeLessThan(at(0.97));
  });

  it('gives one answer for one input, and a sample close to the whole', () => {
    const studied: (CardState | null)[] = Array.from({ length: 400 }, (_, i) => scheduleReview(null, 3, new Date(NOW.getTime() - (i % 30) * 86_400_000 - 3_600_000), base).next);
    const run = (maxCards: number) => simulateWorkload({ cards: studied, newPerDay: 0, settings: base, now: NOW, days: 60, seed: 9, maxCards });
    expect(run(100)).toEqual(run(100));
    const whole = run(400).mean30;
    expect(Math.abs(run(100).mean30 - whole) / whole).toBeLessThan(0.25);
  });
});
