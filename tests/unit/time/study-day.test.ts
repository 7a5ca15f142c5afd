import { describe, it, expect } from 'vitest';
import {
  addDays,
  daysBetween,
  isValidDayKey,
  isValidTimeZone,
  studyDayBounds,
  studyDayKey,
  studyDayStart,
} from '@/lib/time/study-day';

const d = (iso: string) => new Date(iso);
const HOUR = 3_600_000;
const hours = (b: { start: Date; end: Date }) => (b.end.getTime() - b.start.getTime()) / HOUR;

describe('studyDayKey', () => {
  it('UTC with default rollover 4: 03:59 belongs to the previous day, 04:00 to the new one', () => {
    expect(studyDayKey(d('2024-05-10T03:59:59Z'), 'UTC', 4)).toBe('2024-05-09');
    expect(studyDayKey(d('2024-05-10T04:00:00Z'), 'UTC', 4)).toBe('2024-05-10');
    expect(studyDayKey(d('2024-05-10T04:00:00Z'), 'UTC')).toBe('2024-05-10');
  });

  it('rollover 0 is the plain local calendar date', () => {
    expect(studyDayKey(d('2024-05-10T23:59:59Z'), 'UTC', 0)).toBe('2024-05-10');
    expect(studyDayKey(d('2024-05-11T00:00:00Z'), 'UTC', 0)).toBe('2024-05-11');
    // 00:30 in Berlin (CEST) is still 22:30Z the previous UTC day
    expect(studyDayKey(d('2024-05-10T22:30:00Z'), 'Europe/Berlin', 0)).toBe('2024-05-11');
  });

  it('Asia/Kolkata (+05:30): boundary at 22:30Z', () => {
    expect(studyDayKey(d('2024-06-15T22:29:00Z'), 'Asia/Kolkata', 4)).toBe('2024-06-15'); // 03:59 local
    expect(studyDayKey(d('2024-06-15T22:30:00Z'), 'Asia/Kolkata', 4)).toBe('2024-06-16'); // 04:00 local
  });

  it('Pacific/Auckland is ahead of UTC (NZDT +13 in January)', () => {
    expect(studyDayKey(d('2024-01-10T14:59:00Z'), 'Pacific/Auckland', 4)).toBe('2024-01-10'); // 03:59 on the 11th
    expect(studyDayKey(d('2024-01-10T15:00:00Z'), 'Pacific/Auckland', 4)).toBe('2024-01-11');
  });

  it('America/New_York, summer vs winter offsets', () => {
    expect(studyDayKey(d('2024-07-01T07:59:00Z'), 'America/New_York', 4)).toBe('2024-06-30'); // 03:59 EDT
    expect(studyDayKey(d('2024-07-01T08:00:00Z'), 'America/New_York', 4)).toBe('2024-07-01');
    expect(studyDayKey(d('2024-01-15T08:59:00Z'), 'America/New_York', 4)).toBe('2024-01-14'); // 03:59 EST
    expect(studyDayKey(d('2024-01-15T09:00:00Z'), 'America/New_York', 4)).toBe('2024-01-15');
  });

  it('rejects a bad rollover hour', () => {
    expect(() => studyDayKey(d('2024-01-01T00:00:00Z'), 'UTC', 24)).toThrow(RangeError);
    expect(() => studyDayKey(d('2024-01-01T00:00:00Z'), 'UTC', 1.5)).toThrow(RangeError);
  });
});

describe('studyDayBounds', () => {
  it('UTC: a plain 24 h day', () => {
    const b = studyDayBounds(d('2024-05-10T12:00:00Z'), 'UTC', 4);
    expect(b).toEqual({ key: '2024-05-10', start: d('2024-05-10T04:00:00Z'), end: d('2024-05-11T04:00:00Z') });
  });

  it('Europe/Berlin spring forward (31 Mar 2024): the day before is 23 h', () => {
    const b = studyDayBounds(d('2024-03-30T12:00:00Z'), 'Europe/Berlin', 4);
    expect(b.key).toBe('2024-03-30');
    expect(b.start).toEqual(d('2024-03-30T03:00:00Z')); // 04:00 CET
    expect(b.end).toEqual(d('2024-03-31T02:00:00Z')); // 04:00 CEST
    expect(hours(b)).toBe(23);
  });

  it('Europe/Berlin fall back (27 Oct 2024): the day before is 25 h', () => {
    const b = studyDayBounds(d('2024-10-26T12:00:00Z'), 'Europe/Berlin', 4);
    expect(b.start).toEqual(d('2024-10-26T02:00:00Z'));
    expect(b.end).toEqual(d('2024-10-27T03:00:00Z'));
    expect(hours(b)).toBe(25);
  });

  it('America/New_York spring forward (10 Mar 2024) and fall back (3 Nov 2024)', () => {
    const spring = studyDayBounds(d('2024-03-09T20:00:00Z'), 'America/New_York', 4);
    expect(spring).toEqual({ key: '2024-03-09', start: d('2024-03-09T09:00:00Z'), end: d('2024-03-10T08:00:00Z') });
    expect(hours(spring)).toBe(23);
    const fall = studyDayBounds(d('2024-11-02T20:00:00Z'), 'America/New_York', 4);
    expect(fall).toEqual({ key: '2024-11-02', start: d('2024-11-02T08:00:00Z'), end: d('2024-11-03T09:00:00Z') });
    expect(hours(fall)).toBe(25);
  });

  it('Pacific/Auckland DST end (7 Apr 2024): 25 h day', () => {
    const b = studyDayBounds(d('2024-04-06T05:00:00Z'), 'Pacific/Auckland', 4);
    expect(b).toEqual({ key: '2024-04-06', start: d('2024-04-05T15:00:00Z'), end: d('2024-04-06T16:00:00Z') });
  });

  it('Asia/Kolkata: half-hour offset', () => {
    const b = studyDayBounds(d('2024-06-15T22:30:00Z'), 'Asia/Kolkata', 4);
    expect(b).toEqual({ key: '2024-06-16', start: d('2024-06-15T22:30:00Z'), end: d('2024-06-16T22:30:00Z') });
  });

  it('rollover inside a DST gap/overlap: gap → first instant after it, overlap → earlier instant', () => {
    // 02:00 does not exist in Berlin on 31 Mar 2024 → day starts at 03:00 CEST
    expect(studyDayStart('2024-03-31', 'Europe/Berlin', 2)).toEqual(d('2024-03-31T01:00:00Z'));
    // 02:00 happens twice on 27 Oct 2024 → the first one (CEST)
    expect(studyDayStart('2024-10-27', 'Europe/Berlin', 2)).toEqual(d('2024-10-27T00:00:00Z'));
    expect(studyDayKey(d('2024-03-31T00:59:00Z'), 'Europe/Berlin', 2)).toBe('2024-03-30');
    expect(studyDayKey(d('2024-03-31T01:00:00Z'), 'Europe/Berlin', 2)).toBe('2024-03-31');
  });

  it('every instant lies inside its own bounds (hourly sweep across DST switches)', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Pacific/Auckland', 'UTC'];
    for (const tz of zones) {
      for (const rollover of [0, 2, 4]) {
        for (const startIso of ['2024-03-08T00:00:00Z', '2024-10-25T00:00:00Z', '2024-04-04T00:00:00Z']) {
          for (let h = 0; h < 24 * 5; h += 1) {
            const at = new Date(d(startIso).getTime() + h * HOUR);
            const b = studyDayBounds(at, tz, rollover);
            expect(b.start.getTime()).toBeLessThanOrEqual(at.getTime());
            expect(b.end.getTime()).toBeGreaterThan(at.getTime());
            expect(studyDayKey(b.start, tz, rollover)).toBe(b.key);
            expect(studyDayKey(new Date(b.end.getTime() - 1), tz, rollover)).toBe(b.key);
            expect([23, 24, 25]).toContain(hours(b));
          }
        }
      }
    }
  });
});

describe('day key helpers', () => {
  it('addDays crosses months, leap days and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
    expect(addDays('2024-03-31', 0)).toBe('2024-03-31');
  });

  it('addDays rejects invalid keys', () => {
    expect(() => addDays('2023-02-29', 1)).toThrow(RangeError);
    expect(() => addDays('2024-3-1', 1)).toThrow(RangeError);
  });

  it('daysBetween / isValidDayKey', () => {
    expect(daysBetween('2024-03-01', '2024-04-01')).toBe(31);
    expect(daysBetween('2024-03-10', '2024-03-09')).toBe(-1);
    expect(isValidDayKey('2024-02-29')).toBe(true);
    expect(isValidDayKey('2023-02-29')).toBe(false);
  });

  it('isValidTimeZone', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Asia/Kolkata')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});
