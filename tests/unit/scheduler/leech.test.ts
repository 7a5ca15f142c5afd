import { describe, it, expect } from 'vitest';
import { becameLeech, isLeech, LEECH_LAPSES_DEFAULT } from '@/lib/scheduler/leech';

describe('leech', () => {
  it('default threshold is 8', () => {
    expect(LEECH_LAPSES_DEFAULT).toBe(8);
    expect(isLeech(7)).toBe(false);
    expect(isLeech(8)).toBe(true);
    expect(isLeech(3, 3)).toBe(true);
  });

  it('becameLeech fires at the threshold and every half-threshold after', () => {
    const fired = [];
    for (let lapses = 1; lapses <= 20; lapses++) if (becameLeech(lapses - 1, lapses, 8)) fired.push(lapses);
    expect(fired).toEqual([8, 12, 16, 20]);
  });

  it('odd threshold uses ceil(threshold / 2)', () => {
    const fired = [];
    for (let lapses = 1; lapses <= 15; lapses++) if (becameLeech(lapses - 1, lapses, 5)) fired.push(lapses);
    expect(fired).toEqual([5, 8, 11, 14]);
  });

  it('only when lapses increased in this review', () => {
    expect(becameLeech(8, 8, 8)).toBe(false);
    expect(becameLeech(7, 8, 8)).toBe(true);
  });

  it('threshold 0 disables detection', () => {
    expect(isLeech(50, 0)).toBe(false);
    expect(becameLeech(0, 1, 0)).toBe(false);
  });
});
