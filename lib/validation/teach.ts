/** Input rules for the teaching forms (classes, assignments, joining), shared by actions and tests. */
import { z } from 'zod';
import { isValidTimeZone } from '@/lib/time/study-day';
import { plainText } from './text';
import { QUIZ_TYPES } from '@/lib/quiz/present';
import { ASSIGNMENT_QUIZ_BOUNDS as Q } from '@/lib/teach/assignment-quiz';

const id = z.coerce.number({ error: 'Missing id.' }).int().positive();

export const classIdSchema = z.object({ classId: id });

export const createClassSchema = z.object({
  name: plainText(z.string({ error: 'Name the class.' }).trim().min(1, 'Name the class.').max(80, 'Use at most 80 characters.')),
  timeZone: z.string().refine(isValidTimeZone, 'Choose a time zone.'),
});

export const archiveSchema = z.object({ classId: id, archived: z.enum(['true', 'false']).transform((v) => v === 'true') });

export const removeStudentSchema = z.object({ classId: id, userId: id });

/** An optional percentage field: empty means "no goal". */
const optionalPercent = (min: number, max: number, message: string) =>
  z
    .union([z.literal(''), z.coerce.number({ error: message }).min(min, message).max(max, message)])
    .optional()
    .transform((v) => (v === '' || v === undefined ? null : v));

const asArray = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);

/** An optional whole number field: empty means "none" (no limit, every question). */
const optionalCount = (min: number, max: number, message: string) =>
  z
    .union([z.literal(''), z.coerce.number({ error: message }).int(message).min(min, message).max(max, message)])
    .optional()
    .transform((v) => (v === '' || v === undefined ? null : v));

export const assignmentFieldsSchema = z
  .object({
    deckId: z.string({ error: 'Choose a deck.' }).min(1, 'Choose a deck.').max(200),
    scope: z.enum(['all', 'sections'], { error: 'Choose the whole deck or some sections.' }),
    sectionKeys: z.preprocess(asArray, z.array(z.string().min(1).max(200)).max(200)),
    dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Choose a due date.'),
    dueTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Choose a due time.'),
    goalQuizScore: optionalPercent(1, 100, 'Use a score from 1 to 100 %, or leave it empty.'),
    goalRecallPercent: optionalPercent(50, 99, 'Use a recall target from 50 to 99 %, or leave it empty.'),
    // The assignment's quiz (only shown, and only read, with a quiz goal): absent fields take the defaults.
    quizScope: z.enum(['assignment', 'sections'], { error: 'Choose which sections the quiz covers.' }).default('assignment'),
    quizSectionKeys: z.preprocess(asArray, z.array(z.string().min(1).max(200)).max(200)),
    quizAll: z.enum(['on']).optional(),
    quizQuestions: optionalCount(Q.questions.min, Q.questions.max, `Ask ${Q.questions.min} to ${Q.questions.max} questions, or tick “Every question”.`),
    quizTypes: z.preprocess(asArray, z.array(z.enum(QUIZ_TYPES, { error: 'Choose question types from the list.' })).max(QUIZ_TYPES.length)),
    quizAttempts: optionalCount(Q.attempts.min, Q.attempts.max, `Allow ${Q.attempts.min} to ${Q.attempts.max} attempts, or leave it empty for no limit.`),
    quizFeedback: z.enum(['immediate', 'end'], { error: 'Choose when students see the answers.' }).default('end'),
  })
  .refine((v) => v.scope === 'all' || v.sectionKeys.length > 0, { message: 'Tick at least one section.', path: ['sectionKeys'] })
  .refine((v) => v.goalQuizScore === null || v.quizScope === 'assignment' || v.quizSectionKeys.length > 0, {
    message: 'Tick at least one section for the quiz.',
    path: ['quizSectionKeys'],
  })
  .refine((v) => v.goalQuizScore === null || v.quizTypes.length > 0, { message: 'Tick at least one type of question.', path: ['quizTypes'] })
  .refine((v) => v.goalQuizScore === null || v.quizAll === 'on' || v.quizQuestions !== null, {
    message: `Ask ${Q.questions.min} to ${Q.questions.max} questions, or tick “Every question”.`,
    path: ['quizQuestions'],
  });

export const createAssignmentSchema = assignmentFieldsSchema.and(z.object({ classId: id }));
export const updateAssignmentSchema = assignmentFieldsSchema.and(z.object({ assignmentId: id }));
export const assignmentIdSchema = z.object({ assignmentId: id });

export const joinCodeSchema = z.object({ code: z.string({ error: 'Enter the code.' }).trim().min(1, 'Enter the code.').max(300) });

/** A student leaving a class: the class id, bounded like every id a row can have. */
export const leaveClassSchema = z.object({ classId: id.max(2_147_483_647, 'Missing id.') });
