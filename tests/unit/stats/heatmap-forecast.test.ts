import { describe, it, expect } from 'vitest';
import { reviewsPerDay } from '@/lib/stats/heatmap';
import { dueForecast } from '@/lib/stats/forecast';

const at = (iso: string) => ({ reviewedAt: new Date(iso) });

describe('reviewsPerDay', () => {
  it('buckets by study day in the user time zone, zeros included', () => {
    const logs = [
      at('2024-03-01T12:00:00Z'), // Berlin 13:00 → 03-01
      at('2024-03-02T02:30:00Z'), // Berlin 03:30 → still 03-01 (before rollover 4)
      at('2024-03-02T03:00:00Z'), // Berlin 04:00 → 03-02
      at('2024-03-04T10:00:00Z'),
      at('2024-02-29T10:00:00Z'), // before range
      at('2024-03-05T03:00:00Z'), // 03-05 04:00 local → after range
    ];
    expect(reviewsPerDay(logs, 'Europe/Berlin', 4, '2024-03-01', '2024-03-04')).toEqual([
      { day: '2024-03-01', count: 2 },
      { day: '2024-03-02', count: 1 },
      { day: '2024-03-03', count: 0 },
      { day: '2024-03-04', count: 1 },
    ]);
  });

  it('handles a 25 h day at the DST switch (New York, 2024-11-02)', () => {
    const logs = [at('2024-11-03T08:30:00Z'), at('2024-11-03T09:00:00Z')]; // 03:30 EST (still 11-02), 04:00 EST
    expect(reviewsPerDay(logs, 'America/New_York', 4, '2024-11-02', '2024-11-03')).toEqual([
      { day: '2024-11-02', count: 1 },
      { day: '2024-11-03', count: 1 },
    ]);
  });

  it('single day and empty range', () => {
    expect(reviewsPerDay([], 'UTC', 4, '2024-03-01', '2024-03-01')).toEqual([{ day: '2024-03-01', count: 0 }]);
    expect(reviewsPerDay([at('2024-03-01T12:00:00Z')], 'UTC', 4, '2024-03-02', '2024-03-01')).toEqual([]);
  });
});

describe('dueForecast', () => {
  const now = new Date('2024-06-15T23:00:00Z'); // Kolkata 04:30 on 06-16 → study day 06-16
  const tz = 'Asia/Kolkata';

  it('counts overdue on today, ignores new cards and cards beyond the window', () => {
    const states = [
      { due: new Date('2024-06-01T00:00:00Z'), state: 2 as const }, // overdue → today
      { due: new Date('2024-06-16T12:00:00Z'), state: 2 as const }, // 17:30 local 06-16 → today
      { due: new Date('2024-06-16T22:29:00Z'), state: 1 as const }, // 03:59 local 06-17 → still 06-16
      { due: new Date('2024-06-16T22:30:00Z'), state: 2 as const }, // 04:00 local 06-17 → tomorrow
      { due: new Date('2024-06-17T00:00:00Z'), state: 0 as const }, // new: never counted
      { due: new Date('2024-06-18T00:00:00Z'), state: 3 as const }, // 06-18 05:30 local
      { due: new Date('2024-06-25T00:00:00Z'), state: 2 as const }, // beyond 3 days
    ];
    expect(dueForecast(states, now, tz, 4, 3)).toEqual([
      { day: '2024-06-16', count: 3 },
      { day: '2024-06-17', count: 1 },
      { day: '2024-06-18', count: 1 },
    ]);
  });

  it('defaults to 30 days', () => {
    const f = dueForecast([], now, tz, 4);
    expect(f).toHaveLength(30);
    expect(f[0]).toEqual({ day: '2024-06-16', count: 0 });
    expect(f[29]).toEqual({ day: '2024-07-15', count: 0 });
  });
});
