'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { signIn } from '@/auth';
import { ActionError, authedAction } from '@/app/_lib/action';
import { saveStudySettings } from '@/db/queries/settings';
import { changePassword } from '@/db/queries/users';
import { changePasswordSchema } from '@/lib/validation/auth';
import { studySettingsSchema } from '@/lib/validation/study-settings';

export const changePasswordAction = authedAction(changePasswordSchema, async (input, user) => {
  const changed = await changePassword(user, input.currentPassword, input.newPassword);
  if (!changed) throw new ActionError('Please correct the highlighted fields.', { currentPassword: ['That is not your current password.'] });
  // Other sessions are now revoked; give this browser a fresh session with the new version.
  await signIn('credentials', { email: user.email, password: input.newPassword, redirect: false });
  // A redirect makes Next render the next page with the new session cookie (a plain re-render
  // of this request would still carry the old, now revoked, one).
  redirect('/settings?password=changed');
});

/** Saves the whole study settings form at once: either every field is valid and stored, or nothing changes. */
export const saveStudySettingsAction = authedAction(studySettingsSchema, async (input, user) => {
  await saveStudySettings(user.id, input);
  revalidatePath('/settings');
  return undefined;
});
