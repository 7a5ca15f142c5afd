'use server';
/**
 * The account section of Settings (issue 17): deleting one's account, and asking for another
 * verification mail. Wrong passwords count per account (like sign-in), so the form cannot be used
 * to guess the password of a browser left signed in; verification mails are capped per account.
 */
import { ActionError, authedAction } from '@/app/_lib/action';
import { signOutThisBrowser } from '@/app/_lib/session';
import { queueVerificationMail } from '@/app/_lib/verification-mail';
import { deleteOwnAccount } from '@/db/queries/account-deletion';
import { clearSignInFailures, recordSignInFailure, throttleLockRemaining } from '@/db/queries/auth';
import { DELETION_BLOCKED, describeBlockers, WRONG_PASSWORD } from '@/lib/auth/account-deletion';
import { VERIFICATION_SENT, VERIFY_RESEND_LIMITS } from '@/lib/auth/email-verification';
import { ACCOUNT_LIMITS, lockMessage } from '@/lib/auth/throttle';
import { SIGNED_OUT_PARAM } from '@/lib/auth/signed-out';
import { now } from '@/lib/clock';
import { deleteAccountSchema, noInputSchema } from '@/lib/validation/auth';

export const deleteAccountAction = authedAction(deleteAccountSchema, async ({ password }, user) => {
  const at = now().getTime();
  const key = `delete-account:${user.id}`;
  const locked = await throttleLockRemaining([key], at);
  if (locked > 0) throw new ActionError(lockMessage(locked));
  const result = await deleteOwnAccount(user.id, password);
  if (!result.ok && result.reason === 'wrong-password') {
    await recordSignInFailure([{ key, limits: ACCOUNT_LIMITS }], at);
    throw new ActionError('Please correct the highlighted fields.', { password: [WRONG_PASSWORD] });
  }
  if (!result.ok) throw new ActionError([DELETION_BLOCKED, ...describeBlockers(result.blockers)].join(' '));
  await clearSignInFailures(key);
  // Every session row went with the account; this clears this browser's cookie and its offline pages.
  return signOutThisBrowser(`/signin?${SIGNED_OUT_PARAM}=1&deleted=1`);
});

export const resendVerificationAction = authedAction(noInputSchema, async (_input, user) => {
  const at = now().getTime();
  const key = `verify-mail:${user.id}`;
  const locked = await throttleLockRemaining([key], at);
  if (locked > 0) {
    const minutes = Math.max(1, Math.ceil(locked / 60_000));
    throw new ActionError(`You have asked for several mails. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`);
  }
  await recordSignInFailure([{ key, limits: VERIFY_RESEND_LIMITS }], at);
  if (!(await queueVerificationMail(user.id, at))) throw new ActionError('Your email address is already confirmed.');
  return VERIFICATION_SENT;
});
