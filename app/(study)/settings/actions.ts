'use server';
import { redirect } from 'next/navigation';
import { signIn } from '@/auth';
import { ActionError, authedAction } from '@/app/_lib/action';
import { changePassword } from '@/db/queries/users';
import { changePasswordSchema } from '@/lib/validation/auth';

export const changePasswordAction = authedAction(changePasswordSchema, async (input, user) => {
  const changed = await changePassword(user, input.currentPassword, input.newPassword);
  if (!changed) throw new ActionError('Please correct the highlighted fields.', { currentPassword: ['That is not your current password.'] });
  // Other sessions are now revoked; give this browser a fresh session with the new version.
  await signIn('credentials', { email: user.email, password: input.newPassword, redirect: false });
  // A redirect makes Next render the next page with the new session cookie (a plain re-render
  // of this request would still carry the old, now revoked, one).
  redirect('/settings?password=changed');
});
