'use server';
/**
 * Extensions (a later due date for chosen students) and co-instructors (issue 17). Each runs
 * through authedAction (session + instructor role + zod); the queries check that the asking
 * instructor teaches the class (and, to remove a co-instructor, owns it), so nothing is written
 * otherwise. Dates are read in the class's time zone.
 */
import { revalidatePath } from 'next/cache';
import { ActionError, authedAction } from '@/app/_lib/action';
import { assignmentForInstructor } from '@/db/queries/assignments';
import { addCoInstructor, removeCoInstructor, type AddInstructorError } from '@/db/queries/class-instructors';
import { classForInstructor } from '@/db/queries/classes';
import { grantExtensions, removeExtension, type GrantError } from '@/db/queries/extensions';
import { now } from '@/lib/clock';
import { plural } from '@/lib/text/plural';
import { localDateTimeToUtc } from '@/lib/time/zoned';
import { addCoInstructorSchema, grantExtensionSchema, removeCoInstructorSchema, removeExtensionSchema } from '@/lib/validation/class-staff';

const instructorOnly = { role: 'instructor' } as const;
const FIX = 'Please correct the highlighted fields.';

function grantFailure(error: GrantError): never {
  if (error === 'not-enrolled') throw new ActionError(FIX, { userIds: ['Tick students of this class.'] });
  if (error === 'not-later') throw new ActionError(FIX, { dueDate: ['Choose a date after the assignment’s due date.'] });
  if (error === 'too-far') throw new ActionError(FIX, { dueDate: ['Choose a date at most a year after the assignment’s due date.'] });
  throw new ActionError('That assignment was not found.');
}

export const grantExtensionAction = authedAction(
  grantExtensionSchema,
  async ({ assignmentId, userIds, dueDate, dueTime }, user) => {
    const assignment = await assignmentForInstructor(user.id, assignmentId);
    const cls = assignment && (await classForInstructor(user.id, assignment.classId));
    if (!assignment || !cls) throw new ActionError('That assignment was not found.');
    const due = localDateTimeToUtc(dueDate, dueTime, cls.timeZone);
    if (!due) throw new ActionError(FIX, { dueDate: ['Choose a real date.'] });
    const result = await grantExtensions(user.id, assignment.id, userIds, due.getTime(), now());
    if ('error' in result) grantFailure(result.error);
    revalidatePath(`/teach/classes/${cls.id}`);
    revalidatePath(`/teach/classes/${cls.id}/assignments/${assignment.id}`);
    return { granted: result.granted, summary: `Extended for ${plural(result.granted, 'student')}.` };
  },
  instructorOnly,
);

export const removeExtensionAction = authedAction(
  removeExtensionSchema,
  async ({ assignmentId, userId }, user) => {
    const assignment = await assignmentForInstructor(user.id, assignmentId);
    if (!assignment || !(await removeExtension(user.id, assignmentId, userId))) throw new ActionError('That student has no extension on this assignment.');
    revalidatePath(`/teach/classes/${assignment.classId}`);
    revalidatePath(`/teach/classes/${assignment.classId}/assignments/${assignmentId}`);
    return undefined;
  },
  instructorOnly,
);

const ADD_ERRORS: Record<AddInstructorError, string> = {
  'not-found': 'That class was not found.',
  'no-user': 'Nobody has an account with that email. Ask them to sign up first.',
  'not-instructor': 'That account is not an instructor’s.',
  already: 'They already teach this class.',
  enrolled: 'They are a student in this class. Remove them from the roster first.',
};

export const addCoInstructorAction = authedAction(
  addCoInstructorSchema,
  async ({ classId, email }, user) => {
    const result = await addCoInstructor(user.id, classId, email, now());
    if ('error' in result) {
      if (result.error === 'not-found') throw new ActionError(ADD_ERRORS['not-found']);
      throw new ActionError(ADD_ERRORS[result.error], { email: [ADD_ERRORS[result.error]] });
    }
    revalidatePath(`/teach/classes/${classId}`);
    return { userId: result.userId };
  },
  instructorOnly,
);

export const removeCoInstructorAction = authedAction(
  removeCoInstructorSchema,
  async ({ classId, userId }, user) => {
    if (!(await removeCoInstructor(user.id, classId, userId))) {
      const cls = await classForInstructor(user.id, classId);
      throw new ActionError(cls && cls.ownerId !== user.id ? 'Only the instructor who created this class can remove co-instructors.' : 'That co-instructor was not found.');
    }
    revalidatePath(`/teach/classes/${classId}`);
    return undefined;
  },
  instructorOnly,
);
