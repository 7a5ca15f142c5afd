/** Input rules for grades sent by the review screen and by offline clients (one batch format for both). */
import { z } from 'zod';

export const MAX_BATCH = 500;
const MAX_DATE_MS = 8.64e15;

export const gradeEntrySchema = z.strictObject({
  clientId: z.string().trim().min(8, 'clientId too short').max(100, 'clientId too long').regex(/^[\w:.-]+$/, 'clientId has invalid characters'),
  cardId: z.number().int().positive(),
  grade: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  // Epoch milliseconds of the moment the student graded (device clock).
  // Bounded above by the largest date JavaScript can hold: past it, new Date() is NaN and the insert threw (a 500).
  reviewedAt: z.number().int().min(Date.UTC(2000, 0, 1)).max(MAX_DATE_MS, 'reviewedAt is out of range'),
  durationMs: z.number().int().min(0).max(24 * 3600_000).default(0),
});

export const gradeBatchSchema = z.strictObject({
  reviews: z.array(z.unknown()).min(1, 'No reviews sent.').max(MAX_BATCH, `At most ${MAX_BATCH} reviews per request.`),
});

export const undoSchema = z.strictObject({ clientId: gradeEntrySchema.shape.clientId });

export type GradeEntry = z.infer<typeof gradeEntrySchema>;
