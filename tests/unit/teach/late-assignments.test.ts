/** When a late assignment leaves Today: more than 7 calendar days past due, in the class's time zone, unless done. */
import { describe, expect, it } from 'vitest';
import { isPastDueByAWeek, lateCutoff, showsOnToday } from '@/lib/teach/late-assignments';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('isPastDueByAWeek', () => {
  // Due instants fixed by hand; "now" is computed from them, never from the machine's clock.
  const utcDue = Date.parse('2026-11-20T23:59:00Z');
  // New York: due Sunday 2026-11-01 at 00:30 EDT (04:30Z); clocks go back at 02:00 that day, so a week later is 05:30Z (EST).
  const nyDue = Date.parse('2026-11-01T04:30:00Z');
  // Lord Howe moves its clocks 30 minutes forward on 2026-10-04: a week from 2026-10-01 12:00 is 7 days less 30 minutes.
  const lhDue = Date.parse('2026-10-01T01:30:00Z'); // 12:00 +10:30
  it.each([
    ['before the due date', utcDue, utcDue - DAY, 'UTC', false],
    ['one day late', utcDue, utcDue + DAY, 'UTC', false],
    ['exactly 7 days late', utcDue, utcDue + 7 * DAY, 'UTC', false],
    ['7 days and 1 minute late', utcDue, utcDue + 7 * DAY + MIN, 'UTC', true],
    ['a month late', utcDue, utcDue + 30 * DAY, 'UTC', true],
    ['New York, exactly 7 days of wall clock (7 days + 1 hour of real time)', nyDue, nyDue + 7 * DAY + HOUR, 'America/New_York', false],
    ['New York, 7 days of real time is not yet a week there', nyDue, nyDue + 7 * DAY + MIN, 'America/New_York', false],
    ['New York, 7 days + 1 hour + 1 minute', nyDue, nyDue + 7 * DAY + HOUR + MIN, 'America/New_York', true],
    ['Lord Howe, 7 days less 30 minutes is a week of wall clock', lhDue, lhDue + 7 * DAY - 30 * MIN, 'Australia/Lord_Howe', false],
    ['Lord Howe, a minute after that', lhDue, lhDue + 7 * DAY - 29 * MIN, 'Australia/Lord_Howe', true],
    ['Kathmandu (+5:45), 7 days + 1 minute', Date.parse('2026-06-10T18:14:00Z'), Date.parse('2026-06-17T18:15:00Z'), 'Asia/Kathmandu', true],
  ])('%s', (_name, dueAt, now, zone, expected) => {
    expect(isPastDueByAWeek(dueAt, now, zone)).toBe(expected);
  });

  it('keeps the seconds of the due date', () => {
    const due = Date.parse('2026-11-20T23:59:30.250Z');
    expect(lateCutoff(due, 'UTC')).toBe(due + 7 * DAY);
  });
});

describe('showsOnToday', () => {
  const dueAt = Date.parse('2026-11-20T23:59:00Z');
  const late = dueAt + 7 * DAY + MIN;
  it.each([
    ['late, a week past due', 'late', late, false],
    ['behind can only be before the due date, but the rule reads the date', 'behind', late, false],
    ['late, exactly a week past due', 'late', dueAt + 7 * DAY, true],
    ['done long ago stays', 'done', dueAt + 60 * DAY, true],
  ] as const)('%s', (_name, status, now, expected) => {
    expect(showsOnToday({ dueAt, status, classTimeZone: 'UTC' }, now)).toBe(expected);
  });
});
