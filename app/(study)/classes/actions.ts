'use server';
/** A student leaving one of their classes (the /classes page). */
import { revalidatePath } from 'next/cache';
import { ActionError, authedAction } from '@/app/_lib/action';
import { leaveClass } from '@/db/queries/student-classes';
import { leaveClassSchema } from '@/lib/validation/teach';

export const leaveClassAction = authedAction(leaveClassSchema, async ({ classId }, user) => {
  if (!(await leaveClass(user.id, classId))) throw new ActionError('You are not in this class.');
  revalidatePath('/classes');
  revalidatePath('/today');
});
