import { describe, expect, it } from 'vitest';
import { addDays, studyDayStart, studyDayStarts } from '@/lib/time/study-day';

// Zones with DST at different hours, half-hour DST (Lord Howe), odd offsets and southern summers.
const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'America/Santiago', 'Pacific/Chatham', 'America/St_Johns', 'Africa/Casablanca'];

describe('studyDayStarts', () => {
  it.each(ZONES)('matches studyDayStart for every day of 2023–2025 in %s', (zone) => {
    for (const rollover of [0, 2, 4]) {
      const fast = studyDayStarts('2023-01-01', 1096, zone, rollover);
      const slow = Array.from({ length: 1096 }, (_, i) => studyDayStart(addDays('2023-01-01', i), zone, rollover).getTime());
      expect(fast).toEqual(slow);
    }
  });

  it('gives the 23 h day at the spring DST switch', () => {
    const [a, b, c] = studyDayStarts('2024-03-30', 3, 'Europe/Berlin', 4);
    expect(new Date(a as number).toISOString()).toBe('2024-03-30T03:00:00.000Z');
    expect(new Date(b as number).toISOString()).toBe('2024-03-31T02:00:00.000Z');
    expect(new Date(c as number).toISOString()).toBe('2024-04-01T02:00:00.000Z');
  });

  it('returns nothing for a count of zero and rejects a bad rollover hour', () => {
    expect(studyDayStarts('2024-03-30', 0, 'UTC', 4)).toEqual([]);
    expect(() => studyDayStarts('2024-03-30', 1, 'UTC', 24)).toThrow(RangeError);
  });
});
