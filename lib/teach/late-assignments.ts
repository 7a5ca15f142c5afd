/**
 * When a late assignment stops crowding Today: once it is more than a week past its due date and
 * still not done. "A week" is seven calendar days in the class's time zone, at the same wall-clock
 * time as the due date, so a daylight-saving change in between does not move it by an hour.
 * It stays listed under its class (/classes). A function of the due date the query returns, so a
 * per-student due date (an extension) flows straight into it.
 */
import { wallClockToInstant, wallTime } from '@/lib/time/wall-clock';
import type { AssignmentStatus } from './progress';

export const HIDE_LATE_AFTER_DAYS = 7;

/** The instant Today stops showing an unfinished assignment due at `dueAt`. */
export function lateCutoff(dueAt: number, timeZone: string, days = HIDE_LATE_AFTER_DAYS): number {
  const w = wallTime(dueAt, timeZone);
  // Seconds and milliseconds are not part of the wall time the conversion takes: carry them over.
  const rest = w.second * 1000 + (((dueAt % 1000) + 1000) % 1000);
  return wallClockToInstant(w.year, w.month, w.day + days, w.hour, w.minute, timeZone) + rest;
}

/** True when the assignment is more than a week past due (in the class's zone) at `now`. */
export function isPastDueByAWeek(dueAt: number, now: number, timeZone: string): boolean {
  return now > lateCutoff(dueAt, timeZone);
}

/** Whether Today's panel lists the assignment: done ones and those not a week late stay. */
export function showsOnToday(a: { dueAt: number; status: AssignmentStatus; classTimeZone: string }, now: number): boolean {
  return a.status === 'done' || !isPastDueByAWeek(a.dueAt, now, a.classTimeZone);
}
