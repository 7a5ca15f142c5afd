import { beforeEach, describe, expect, it } from 'vitest';
import { addDays, clearStudyDayStartCache, dayKeysFrom, studyDayKey, studyDayStart, studyDayStarts } from '@/lib/time/study-day';

// Zones with DST at different hours, half-hour DST (Lord Howe), odd offsets and southern summers.
const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/Santiago', 'Pacific/Chatham', 'America/St_Johns', 'Africa/Casablanca'];

describe('studyDayStarts', () => {
  beforeEach(() => clearStudyDayStartCache());

  it.each(ZONES)('matches studyDayStart for every day of 2023–2025 in %s, computed and cached', (zone) => {
    for (const rollover of [0, 2, 4]) {
      clearStudyDayStartCache();
      const slow = Array.from({ length: 1096 }, (_, i) => studyDayStart(addDays('2023-01-01', i), zone, rollover).getTime());
      clearStudyDayStartCache();
      const fast = studyDayStarts('2023-01-01', 1096, zone, rollover);
      expect(fast).toEqual(slow);
      expect(studyDayStarts('2023-01-01', 1096, zone, rollover)).toEqual(slow); // now from the cache
      expect(studyDayStart('2024-07-01', zone, rollover).getTime()).toBe(slow[547]);
    }
  });

  it.each(['America/New_York', 'Asia/Kathmandu', 'Europe/Berlin'])('puts each start exactly on the boundary between two study days in %s', (zone) => {
    const keys = dayKeysFrom('2024-01-01', 366);
    const starts = studyDayStarts('2024-01-01', 366, zone, 4);
    starts.forEach((start, i) => {
      expect(studyDayKey(new Date(start), zone, 4)).toBe(keys[i]);
      expect(studyDayKey(new Date(start - 1), zone, 4)).toBe(addDays(keys[i] as string, -1));
    });
  });

  it('keeps zones and rollover hours apart in the cache', () => {
    const ny = studyDayStarts('2024-03-10', 1, 'America/New_York', 4)[0];
    const ny0 = studyDayStarts('2024-03-10', 1, 'America/New_York', 0)[0];
    const berlin = studyDayStarts('2024-03-10', 1, 'Europe/Berlin', 4)[0];
    expect(new Date(ny as number).toISOString()).toBe('2024-03-10T08:00:00.000Z'); // 04:00 EDT, the 23 h day
    expect(new Date(ny0 as number).toISOString()).toBe('2024-03-10T05:00:00.000Z'); // 00:00 EST
    expect(new Date(berlin as number).toISOString()).toBe('2024-03-10T03:00:00.000Z');
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
    expect(() => studyDayStart('2024-03-30', 'UTC', -1)).toThrow(RangeError);
  });
});

describe('dayKeysFrom', () => {
  it('lists consecutive calendar days across month and leap-year ends', () => {
    expect(dayKeysFrom('2024-02-28', 3)).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
    expect(dayKeysFrom('2023-12-31', 2)).toEqual(['2023-12-31', '2024-01-01']);
    expect(dayKeysFrom('2024-01-01', 0)).toEqual([]);
  });
});
