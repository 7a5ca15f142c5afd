/** Input rules for grades sent by the review screen and by offline clients (one batch format for both). */
import { z } from 'zod';
import { CHOICE_OPTIONS_MAX, TYPED_ANSWER_MAX } from './limits';

export const MAX_BATCH = 500;

/** Grades older than this are refused: the app did not exist, so the device clock is wrong. */
export const EARLIEST_REVIEW_MS = Date.UTC(2000, 0, 1);
/**
 * A fixed ceiling far enough ahead for any device clock, well inside the JavaScript date range
 * (8.64e15 ms); the data layer also refuses anything beyond the server's clock plus a small skew.
 */
export const LATEST_REVIEW_MS = Date.UTC(2100, 0, 1);
export const MAX_DURATION_MS = 24 * 3600_000;

export { TYPED_ANSWER_MAX };

/** The answer typed for a typed card, sent with its grade, and whether the student overruled a wrong verdict. */
export const typedAnswerPartSchema = z.strictObject({
  // A NUL is dropped rather than the grade refused: it carries nothing a student meant, and
  // PostgreSQL text cannot hold one (the grade is what matters; the text is its evidence).
  answer: z
    .string()
    .transform((text) => text.replaceAll('\u0000', ''))
    .pipe(z.string().trim().min(1, 'typed answer is empty').max(TYPED_ANSWER_MAX, `typed answer is longer than ${TYPED_ANSWER_MAX} characters`)),
  overruled: z.boolean(),
});
export type TypedAnswerPart = z.infer<typeof typedAnswerPartSchema>;

/**
 * The option chosen for a multiple-choice or true/false card (lib/quiz/choice-options.ts: original
 * option order, True = 0, False = 1). The bound here is any card's; the server then checks it
 * against the card itself (db/queries/grade-parts.ts).
 */
export const choicePartSchema = z.strictObject({
  index: z
    .number()
    .int('choice must be a whole number')
    .min(0, 'choice cannot be negative')
    .max(CHOICE_OPTIONS_MAX - 1, `a card has at most ${CHOICE_OPTIONS_MAX} options`),
});
export type ChoicePart = z.infer<typeof choicePartSchema>;

export const gradeEntrySchema = z.strictObject({
  clientId: z.string().trim().min(8, 'clientId too short').max(100, 'clientId too long').regex(/^[\w:.-]+$/, 'clientId has invalid characters'),
  cardId: z.number().int('cardId must be a whole number').positive('cardId must be positive').max(2 ** 31 - 1, 'cardId is too large'),
  grade: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  // Epoch milliseconds of the moment the student graded (device clock). z.number() refuses NaN and Infinity.
  reviewedAt: z.number().int('must be whole milliseconds').min(EARLIEST_REVIEW_MS, 'is before the year 2000').max(LATEST_REVIEW_MS, 'is after the year 2100'),
  durationMs: z.number().int().min(0, 'cannot be negative').max(MAX_DURATION_MS, 'is longer than a day').default(0),
  typed: typedAnswerPartSchema.optional(),
  choice: choicePartSchema.optional(),
}).refine((e) => !(e.typed && e.choice), { message: 'a grade carries a typed answer or a choice, not both', path: ['choice'] });

export const gradeBatchSchema = z.strictObject({
  reviews: z.array(z.unknown()).min(1, 'No reviews sent.').max(MAX_BATCH, `At most ${MAX_BATCH} reviews per request.`),
});

export const undoSchema = z.strictObject({ clientId: gradeEntrySchema.shape.clientId });

export type GradeEntry = z.infer<typeof gradeEntrySchema>;
