'use server';
/**
 * Email verification (issue 17): "Confirm my email" from the mail's link, open to signed-out
 * visitors (the link may be opened in another browser). Wrong links count per client address,
 * like reset links, so tokens cannot be guessed by spraying.
 */
import { headers } from 'next/headers';
import { ActionError, publicAction } from '@/app/_lib/action';
import { recordSignInFailure, throttleLockRemaining } from '@/db/queries/auth';
import { verifyEmailWithToken } from '@/db/queries/email-verification';
import { clientAddress } from '@/lib/auth/client-address';
import { VERIFY_LINK_DEAD } from '@/lib/auth/email-verification';
import { IP_LIMITS, lockMessage } from '@/lib/auth/throttle';
import { now } from '@/lib/clock';
import { verifyEmailSchema } from '@/lib/validation/auth';

export const verifyEmailAction = publicAction(
  verifyEmailSchema,
  async ({ token }) => {
    const at = now().getTime();
    const ipKey = `verify-link-ip:${clientAddress(await headers())}`;
    const locked = await throttleLockRemaining([ipKey], at);
    if (locked > 0) throw new ActionError(lockMessage(locked, 'reset'));
    if (!(await verifyEmailWithToken(token, at))) {
      await recordSignInFailure([{ key: ipKey, limits: IP_LIMITS }], at);
      throw new ActionError(VERIFY_LINK_DEAD);
    }
    return undefined;
  },
  'Your email address is confirmed. You can now join classes.',
);
