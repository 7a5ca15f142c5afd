'use server';
/**
 * Class actions for instructors: create, renew the join code, archive, remove a student.
 * Each runs through authedAction (session + instructor role + zod); the queries filter by the
 * instructor, so a class that isn't theirs is "not found" and nothing is written.
 */
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { ActionError, authedAction } from '@/app/_lib/action';
import { classForInstructor, createClass, letStudentBackIn, regenerateJoinCode, removeStudent, setClassArchived } from '@/db/queries/classes';
import { now } from '@/lib/clock';
import { archiveSchema, classIdSchema, createClassSchema, removeStudentSchema } from '@/lib/validation/teach';

const NOT_FOUND = 'That class was not found.';
const instructorOnly = { role: 'instructor' } as const;

export const createClassAction = authedAction(
  createClassSchema,
  async (input, user) => {
    const id = await createClass(user.id, input, now());
    redirect(`/teach/classes/${id}`);
  },
  instructorOnly,
);

export const regenerateJoinCodeAction = authedAction(
  classIdSchema,
  async ({ classId }, user) => {
    const code = await regenerateJoinCode(user.id, classId);
    if (!code) throw new ActionError(NOT_FOUND);
    revalidatePath(`/teach/classes/${classId}`);
    return { code };
  },
  instructorOnly,
);

export const setArchivedAction = authedAction(
  archiveSchema,
  async ({ classId, archived }, user) => {
    if (!(await setClassArchived(user.id, classId, archived, now()))) {
      // A co-instructor teaches the class but does not own it (db/queries/class-instructors.ts).
      throw new ActionError(await classForInstructor(user.id, classId) ? 'Only the instructor who created this class can archive it.' : NOT_FOUND);
    }
    revalidatePath(`/teach/classes/${classId}`);
    revalidatePath('/teach');
    return { archived };
  },
  instructorOnly,
);

export const removeStudentAction = authedAction(
  removeStudentSchema,
  async ({ classId, userId }, user) => {
    if (!(await removeStudent(user.id, classId, userId, now()))) throw new ActionError('That student is not in this class.');
    revalidatePath(`/teach/classes/${classId}`);
    revalidatePath(`/teach/classes/${classId}/roster`);
    return undefined;
  },
  instructorOnly,
);

/** Lets a removed student join again with the code or link. */
export const letBackInAction = authedAction(
  removeStudentSchema,
  async ({ classId, userId }, user) => {
    if (!(await letStudentBackIn(user.id, classId, userId))) throw new ActionError('That student was not removed from this class.');
    revalidatePath(`/teach/classes/${classId}/roster`);
    return undefined;
  },
  instructorOnly,
);
