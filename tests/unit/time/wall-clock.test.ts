import { describe, expect, it } from 'vitest';
import { localDateTimeToUtc, utcToLocalDateTime } from '@/lib/time/zoned';
import { studyDayStart } from '@/lib/time/study-day';

const iso = (d: Date | null) => d?.toISOString();

describe('due dates on days whose clocks move, and in zones with 30/45-minute offsets', () => {
  it.each([
    // Lord Howe, 2026-10-04: clocks go from 02:00 (+10:30) to 02:30 (+11:00).
    ['Australia/Lord_Howe', '2026-10-04', '01:59', '2026-10-03T15:29:00.000Z', 'before the gap'],
    ['Australia/Lord_Howe', '2026-10-04', '02:00', '2026-10-03T15:30:00.000Z', 'gap: as if not yet moved, 02:30'],
    ['Australia/Lord_Howe', '2026-10-04', '02:15', '2026-10-03T15:45:00.000Z', 'gap: as if not yet moved, 02:45'],
    ['Australia/Lord_Howe', '2026-10-04', '02:29', '2026-10-03T15:59:00.000Z', 'gap: as if not yet moved, 02:59'],
    ['Australia/Lord_Howe', '2026-10-04', '02:30', '2026-10-03T15:30:00.000Z', 'first time after the gap'],
    ['Australia/Lord_Howe', '2026-10-04', '02:45', '2026-10-03T15:45:00.000Z', 'after the gap'],
    ['Australia/Lord_Howe', '2026-10-04', '03:00', '2026-10-03T16:00:00.000Z', 'after the gap'],
    // Lord Howe, 2026-04-05: clocks go back from 02:00 (+11:00) to 01:30 (+10:30); 01:30–01:59 happen twice.
    ['Australia/Lord_Howe', '2026-04-05', '01:29', '2026-04-04T14:29:00.000Z', 'before the overlap'],
    ['Australia/Lord_Howe', '2026-04-05', '01:30', '2026-04-04T14:30:00.000Z', 'overlap: the earlier'],
    ['Australia/Lord_Howe', '2026-04-05', '01:45', '2026-04-04T14:45:00.000Z', 'overlap: the earlier'],
    ['Australia/Lord_Howe', '2026-04-05', '02:00', '2026-04-04T15:30:00.000Z', 'after the overlap'],
    // Whole-hour changes, for comparison.
    ['America/New_York', '2026-03-08', '02:30', '2026-03-08T07:30:00.000Z', 'gap: 03:30 EDT'],
    ['America/New_York', '2026-11-01', '01:30', '2026-11-01T05:30:00.000Z', 'overlap: the earlier (EDT)'],
    // Offsets of 5:45 and 8:45.
    ['Asia/Kathmandu', '2026-03-05', '23:59', '2026-03-05T18:14:00.000Z', '+05:45'],
    ['Asia/Kathmandu', '2026-03-06', '00:00', '2026-03-05T18:15:00.000Z', '+05:45'],
    ['Australia/Eucla', '2026-03-05', '23:59', '2026-03-05T15:14:00.000Z', '+08:45'],
    ['Asia/Kolkata', '2026-03-05', '09:00', '2026-03-05T03:30:00.000Z', '+05:30'],
  ])('%s %s %s → %s (%s)', (zone, date, time, want) => {
    expect(iso(localDateTimeToUtc(date, time, zone))).toBe(want);
  });

  it.each([
    ['Australia/Lord_Howe', '2026-10-04'],
    ['Australia/Lord_Howe', '2026-04-05'],
    ['America/New_York', '2026-03-08'],
    ['America/New_York', '2026-11-01'],
    ['Asia/Kathmandu', '2026-03-05'],
    ['Australia/Eucla', '2026-03-05'],
  ])('in %s on %s, every minute that exists gives its own instant and reads back as typed', (zone, date) => {
    const seen = new Map<number, string>();
    for (let minute = 0; minute < 24 * 60; minute++) {
      const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
      const at = localDateTimeToUtc(date, time, zone) as Date;
      const back = utcToLocalDateTime(at.getTime(), zone);
      if (back.date !== date || back.time !== time) continue; // a time in the gap: it names no instant of its own
      expect(seen.get(at.getTime()), `${time} and ${seen.get(at.getTime())} give one instant`).toBeUndefined();
      seen.set(at.getTime(), time);
    }
    // Only the gap is missing: 30 minutes on Lord Howe's spring day, an hour in New York's.
    const missing = { '2026-10-04': 30, '2026-03-08': 60 }[date] ?? 0;
    expect(seen.size).toBe(24 * 60 - missing);
  });

  it('starts a study day whose rollover hour falls in the half-hour gap at the first instant after it', () => {
    expect(studyDayStart('2026-10-04', 'Australia/Lord_Howe', 2).toISOString()).toBe('2026-10-03T15:30:00.000Z');
    // That day began 30 minutes late and is 23.5 hours long; the next starts on time at 02:00 (+11:00).
    expect(studyDayStart('2026-10-05', 'Australia/Lord_Howe', 2).getTime() - studyDayStart('2026-10-04', 'Australia/Lord_Howe', 2).getTime()).toBe(23.5 * 3_600_000);
    expect(studyDayStart('2026-10-05', 'Australia/Lord_Howe', 4).getTime() - studyDayStart('2026-10-04', 'Australia/Lord_Howe', 4).getTime()).toBe(24 * 3_600_000);
    expect(studyDayStart('2026-10-04', 'Australia/Lord_Howe', 4).getTime() - studyDayStart('2026-10-03', 'Australia/Lord_Howe', 4).getTime()).toBe(23.5 * 3_600_000);
  });
});
