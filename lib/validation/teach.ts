/** Input rules for the teaching forms (classes, assignments, joining), shared by actions and tests. */
import { z } from 'zod';
import { isValidTimeZone } from '@/lib/time/study-day';
import { plainText } from './text';

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

export const assignmentFieldsSchema = z
  .object({
    deckId: z.string({ error: 'Choose a deck.' }).min(1, 'Choose a deck.').max(200),
    scope: z.enum(['all', 'sections'], { error: 'Choose the whole deck or some sections.' }),
    sectionKeys: z.preprocess(asArray, z.array(z.string().min(1).max(200)).max(200)),
    dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Choose a due date.'),
    dueTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Choose a due time.'),
    goalQuizScore: optionalPercent(1, 100, 'Use a score from 1 to 100 %, or leave it empty.'),
    goalRecallPercent: optionalPercent(50, 99, 'Use a recall target from 50 to 99 %, or leave it empty.'),
  })
  .refine((v) => v.scope === 'all' || v.sectionKeys.length > 0, { message: 'Tick at least one section.', path: ['sectionKeys'] });

export const createAssignmentSchema = assignmentFieldsSchema.and(z.object({ classId: id }));
export const updateAssignmentSchema = assignmentFieldsSchema.and(z.object({ assignmentId: id }));
export const assignmentIdSchema = z.object({ assignmentId: id });

export const joinCodeSchema = z.object({ code: z.string({ error: 'Enter the code.' }).trim().min(1, 'Enter the code.').max(300) });
