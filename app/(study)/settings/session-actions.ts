'use server';
/** Ending sessions from Settings: one device, or every device at once (this one included). */
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { ActionError, authedAction } from '@/app/_lib/action';
import { signOutThisBrowser } from '@/app/_lib/session';
import { deleteSessionOf, deleteSessionsOf } from '@/db/queries/sessions';
import { SIGNED_OUT_PARAM } from '@/lib/auth/signed-out';

const SIGNED_OUT = `/signin?${SIGNED_OUT_PARAM}=1`;

export const endSessionAction = authedAction(z.object({ id: z.string().min(1).max(64) }), async ({ id }, user) => {
  if (id === user.sessionId) await signOutThisBrowser(SIGNED_OUT);
  if (!(await deleteSessionOf(user.id, id))) throw new ActionError('That session has already ended.');
  revalidatePath('/settings');
  return undefined;
});

export const signOutEverywhereAction = authedAction(z.object({}), async (_input, user) => {
  await deleteSessionsOf(user.id);
  await signOutThisBrowser(SIGNED_OUT);
  return undefined;
});
