import { describe, it, expect } from 'vitest';
import { currentStreak, longestStreak } from '@/lib/stats/streak';

describe('currentStreak', () => {
  const days = ['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01'];

  it('counts consecutive days up to today', () => {
    expect(currentStreak(days, '2024-03-01')).toBe(4);
    expect(currentStreak(new Set(days), '2024-03-01')).toBe(4);
  });

  it('is not broken while today has no reviews yet', () => {
    expect(currentStreak(days, '2024-03-02')).toBe(4);
  });

  it('is broken after a full missed day', () => {
    expect(currentStreak(days, '2024-03-03')).toBe(0);
  });

  it('gap inside the history stops the count', () => {
    expect(currentStreak(['2024-03-01', '2024-03-03', '2024-03-04'], '2024-03-04')).toBe(2);
    expect(currentStreak([], '2024-03-04')).toBe(0);
  });
});

describe('longestStreak', () => {
  it('finds the longest run, across month and year ends, ignoring duplicates and order', () => {
    expect(longestStreak(['2024-03-05', '2023-12-31', '2024-01-01', '2024-01-02', '2024-03-01', '2024-01-01'])).toBe(3);
    expect(longestStreak(['2024-03-01'])).toBe(1);
    expect(longestStreak([])).toBe(0);
  });
});
