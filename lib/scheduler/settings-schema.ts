/** Validation of scheduler settings coming from forms or the database (kept apart so the browser bundle has no zod). */
import { z } from 'zod';
import { DEFAULT_SCHEDULER_SETTINGS, MAX_DESIRED_RETENTION, MIN_DESIRED_RETENTION, STEP_RE } from './types';

/** zod schema for settings coming from forms / the database; fills defaults. */
export const schedulerSettingsSchema = z.object({
  desiredRetention: z
    .number()
    .min(MIN_DESIRED_RETENTION)
    .max(MAX_DESIRED_RETENTION)
    .default(DEFAULT_SCHEDULER_SETTINGS.desiredRetention),
  maximumInterval: z.number().int().min(1).max(36500).default(DEFAULT_SCHEDULER_SETTINGS.maximumInterval),
  enableFuzz: z.boolean().default(DEFAULT_SCHEDULER_SETTINGS.enableFuzz),
  learningSteps: z.array(z.string().regex(STEP_RE)).optional(),
  relearningSteps: z.array(z.string().regex(STEP_RE)).optional(),
  weights: z.array(z.number().finite()).optional(),
});
