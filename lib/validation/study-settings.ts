/**
 * Input rules for the study settings form, shared by the server action and its tests.
 * Values arrive as FormData strings, so numbers are coerced; every message names the allowed range.
 */
import { z } from 'zod';
import { isValidTimeZone } from '@/lib/time/study-day';
import { MAX_DESIRED_RETENTION, MIN_DESIRED_RETENTION } from '@/lib/scheduler/types';

export const STUDY_LIMITS = {
  desiredRetention: { min: MIN_DESIRED_RETENTION, max: MAX_DESIRED_RETENTION },
  newPerDay: { min: 0, max: 9999 },
  reviewsPerDay: { min: 0, max: 9999 },
  rolloverHour: { min: 0, max: 23 },
  maximumInterval: { min: 1, max: 36500 },
  leechThreshold: { min: 0, max: 99 },
} as const;

function wholeNumber(field: keyof typeof STUDY_LIMITS, what: string) {
  const { min, max } = STUDY_LIMITS[field];
  const message = `${what} must be a whole number from ${min} to ${max}.`;
  return z.coerce.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message });
}

const retentionMessage = `Choose a desired retention from ${MIN_DESIRED_RETENTION.toFixed(2)} to ${MAX_DESIRED_RETENTION.toFixed(2)}.`;

export const studySettingsSchema = z.object({
  desiredRetention: z.coerce
    .number({ error: retentionMessage })
    .min(MIN_DESIRED_RETENTION, { error: retentionMessage })
    .max(MAX_DESIRED_RETENTION, { error: retentionMessage })
    // Two decimals is all the form offers; rounding keeps 0.85 from being stored as 0.8500000001.
    .transform((v) => Math.round(v * 100) / 100),
  newPerDay: wholeNumber('newPerDay', 'New cards per day'),
  reviewsPerDay: wholeNumber('reviewsPerDay', 'Maximum reviews per day'),
  timeZone: z
    .string({ error: 'Choose a time zone.' })
    .trim()
    .min(1, { error: 'Choose a time zone.' })
    .max(64, { error: 'Choose a time zone from the list.' })
    .refine(isValidTimeZone, { error: 'Choose a time zone from the list.' }),
  rolloverHour: wholeNumber('rolloverHour', 'The hour a new day starts'),
  passFail: z.stringbool({ error: 'Choose four buttons or pass/fail.' }),
  maximumInterval: wholeNumber('maximumInterval', 'The maximum interval'),
  leechThreshold: wholeNumber('leechThreshold', 'The leech threshold'),
  quizFeedback: z.enum(['immediate', 'end'], { error: 'Choose when quiz feedback is shown.' }),
});

export type StudySettingsInput = z.output<typeof studySettingsSchema>;

/**
 * Time zones for the picker: every zone this runtime knows, with UTC first and the current
 * value kept even if it is an alias the list leaves out (e.g. 'Asia/Calcutta').
 * @example timeZoneOptions('Asia/Calcutta')[0] // 'UTC'
 */
export function timeZoneOptions(current?: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC');
  const extra = current && current !== 'UTC' && !zones.includes(current) && isValidTimeZone(current) ? [current] : [];
  return ['UTC', ...extra, ...zones];
}
