'use server';
/**
 * Password reset by email, open to signed-out visitors. Asking gives the same answer, in about the
 * same time, whether or not the email has an account: the mail goes out after the response (after()),
 * and only an existing account gets a token and a mail. Setting the password spends the token and
 * signs the account out everywhere (db/queries/password-reset.ts).
 */
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { after } from 'next/server';
import { ActionError, publicAction } from '@/app/_lib/action';
import { appUrl, sendMail } from '@/app/_lib/mail';
import { clearSignInFailures, recordSignInFailure, throttleLockRemaining } from '@/db/queries/auth';
import { findResetRecipient, resetPasswordWithToken, storeResetToken } from '@/db/queries/password-reset';
import { clientAddress } from '@/lib/auth/client-address';
import { hashPassword } from '@/lib/auth/password';
import { newResetToken, RESET_TOKEN_TTL_MS } from '@/lib/auth/reset-token';
import { IP_LIMITS, lockMessage, RESET_ACCOUNT_LIMITS, RESET_IP_LIMITS } from '@/lib/auth/throttle';
import { appLink, passwordResetMail } from '@/lib/mail/templates';
import { forgotPasswordSchema, resetPasswordSchema } from '@/lib/validation/auth';
import { now } from '@/lib/clock';

const RESET_REQUESTED =
  'If an account uses this address, we have sent it a link to choose a new password. The link works for an hour. Check your spam folder if nothing arrives.';
const RESET_LINK_DEAD = 'This link has expired or was already used. Ask for a new one below.';

export const requestPasswordResetAction = publicAction(
  forgotPasswordSchema,
  async ({ email }) => {
    const at = now().getTime();
    const keys = { account: `reset-email:${email}`, ip: `reset-ip:${clientAddress(await headers())}` };
    const locked = await throttleLockRemaining([keys.account, keys.ip], at);
    if (locked > 0) throw new ActionError(lockMessage(locked, 'reset'));
    await recordSignInFailure(
      [
        { key: keys.account, limits: RESET_ACCOUNT_LIMITS },
        { key: keys.ip, limits: RESET_IP_LIMITS },
      ],
      at,
    );
    const recipient = await findResetRecipient(email);
    if (!recipient) return undefined;
    const token = newResetToken(at);
    await storeResetToken(recipient.userId, token);
    const link = appLink(appUrl(), '/reset-password', { token: token.token });
    const content = passwordResetMail({ name: recipient.name, link, validMinutes: RESET_TOKEN_TTL_MS / 60_000 });
    // After the response: the answer takes as long for an unknown address as for a known one.
    after(() => sendMail({ to: recipient.email, content, link }).then(() => undefined, (error: unknown) => console.error('[mail] the reset mail could not be sent', error)));
    return undefined;
  },
  RESET_REQUESTED,
);

export const resetPasswordAction = publicAction(resetPasswordSchema, async ({ token, newPassword }) => {
  const at = now().getTime();
  const ipKey = `reset-link-ip:${clientAddress(await headers())}`;
  const locked = await throttleLockRemaining([ipKey], at);
  if (locked > 0) throw new ActionError(lockMessage(locked, 'reset'));
  const email = await resetPasswordWithToken(token, await hashPassword(newPassword), at);
  if (!email) {
    await recordSignInFailure([{ key: ipKey, limits: IP_LIMITS }], at);
    throw new ActionError(RESET_LINK_DEAD);
  }
  // Whoever holds the mailbox may sign in at once, even if guesses had locked the account.
  await clearSignInFailures(`email:${email}`);
  redirect('/signin?reset=1');
});
