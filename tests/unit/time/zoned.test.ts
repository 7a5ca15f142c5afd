import { describe, expect, it } from 'vitest';
import { formatDueDate, localDateTimeToUtc, timeZoneOptions, utcToLocalDateTime } from '@/lib/time/zoned';

describe('due dates in a time zone', () => {
  it('reads a local date and time as the right instant, DST included', () => {
    expect(localDateTimeToUtc('2026-03-05', '23:59', 'Europe/Berlin')?.toISOString()).toBe('2026-03-05T22:59:00.000Z');
    expect(localDateTimeToUtc('2026-07-05', '23:59', 'Europe/Berlin')?.toISOString()).toBe('2026-07-05T21:59:00.000Z');
    expect(localDateTimeToUtc('2026-03-05', '23:59', 'Asia/Kolkata')?.toISOString()).toBe('2026-03-05T18:29:00.000Z');
    // 02:30 does not exist in Berlin on 29 March 2026: it moves forward by the gap, to 03:30 CEST.
    expect(localDateTimeToUtc('2026-03-29', '02:30', 'Europe/Berlin')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('refuses malformed input', () => {
    expect(localDateTimeToUtc('2026-02-30', '10:00', 'UTC')).toBeNull();
    expect(localDateTimeToUtc('2026-02-03', '24:00', 'UTC')).toBeNull();
  });

  it('goes back to the local date and time', () => {
    expect(utcToLocalDateTime(Date.parse('2026-03-05T22:59:00Z'), 'Europe/Berlin')).toEqual({ date: '2026-03-05', time: '23:59' });
    expect(utcToLocalDateTime(Date.parse('2026-03-05T23:30:00Z'), 'Europe/Berlin')).toEqual({ date: '2026-03-06', time: '00:30' });
  });

  it('names the zone when showing a due date', () => {
    expect(formatDueDate(Date.parse('2026-03-05T22:59:00Z'), 'Europe/Berlin')).toBe('Thu, Mar 5, 2026, 23:59 GMT+1');
    expect(formatDueDate(Date.parse('2026-03-05T22:59:00Z'), 'America/New_York')).toBe('Thu, Mar 5, 2026, 17:59 EST');
  });

  it('offers UTC first and keeps an unlisted current zone', () => {
    expect(timeZoneOptions()[0]).toBe('UTC');
    expect(timeZoneOptions('Etc/GMT+3')[0]).toBe('Etc/GMT+3');
  });
});
