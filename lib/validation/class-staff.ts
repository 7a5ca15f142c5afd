/** Input rules for extensions (a later due date per student) and co-instructors (issue 17). */
import { z } from 'zod';
import { emailField } from '@/lib/validation/auth';

const id = z.coerce.number({ error: 'Missing id.' }).int().positive();
const asArray = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);

/** At most this many students in one extension (a large lecture's roster). */
export const EXTENSION_BATCH_MAX = 1000;

export const grantExtensionSchema = z.object({
  assignmentId: id,
  userIds: z.preprocess(
    asArray,
    z
      .array(id, { error: 'Tick at least one student.' })
      .min(1, 'Tick at least one student.')
      .max(EXTENSION_BATCH_MAX, `Tick at most ${EXTENSION_BATCH_MAX} students at once.`),
  ),
  dueDate: z.string({ error: 'Choose a date.' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'Choose a date.'),
  dueTime: z.string({ error: 'Choose a time.' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Choose a time.'),
});

export const removeExtensionSchema = z.object({ assignmentId: id, userId: id });

export const addCoInstructorSchema = z.object({ classId: id, email: emailField });

export const removeCoInstructorSchema = z.object({ classId: id, userId: id });
