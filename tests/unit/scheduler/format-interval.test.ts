import { describe, it, expect } from 'vitest';
import { formatInterval } from '@/lib/scheduler/format-interval';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('formatInterval', () => {
  it.each([
    [0, '<1m'],
    [-5_000, '<1m'],
    [59_999, '<1m'],
    [MIN, '1m'],
    [6 * MIN, '6m'],
    [10 * MIN, '10m'],
    [59 * MIN, '59m'],
    [59.7 * MIN, '1h'],
    [HOUR, '1h'],
    [3 * HOUR, '3h'],
    [23 * HOUR, '23h'],
    [DAY, '1d'],
    [4 * DAY, '4d'],
    [21 * DAY, '21d'],
    [29 * DAY, '29d'],
    [30 * DAY, '1mo'],
    [60 * DAY, '2mo'],
    [330 * DAY, '11mo'],
    [365 * DAY, '1y'],
    [438 * DAY, '1.2y'],
    [730 * DAY, '2y'],
    [36500 * DAY, '100y'],
  ])('%d ms → %s', (ms, label) => {
    expect(formatInterval(ms)).toBe(label);
  });
});
