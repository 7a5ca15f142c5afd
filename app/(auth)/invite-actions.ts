'use server';
/**
 * Following an invitation link: a signed-in account accepts (only the account with the invited
 * address), or a new person creates a student account bound to the invited address and is
 * enrolled in the same transaction. A link that opens nothing counts against the address it came
 * from, so tokens cannot be tried in bulk (they are 256-bit random, so guessing is hopeless anyway).
 */
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { signIn } from '@/auth';
import { ActionError, authedAction, publicAction } from '@/app/_lib/action';
import { acceptInvitation, invitationRefusalMessage, signUpWithInvitation, type InvitationRefusal } from '@/db/queries/invitation-accept';
import { recordSignInFailure, throttleLockRemaining } from '@/db/queries/auth';
import { clientAddress } from '@/lib/auth/client-address';
import { hashPassword } from '@/lib/auth/password';
import { IP_LIMITS, lockMessage } from '@/lib/auth/throttle';
import { acceptInvitationSchema, invitedSignUpSchema } from '@/lib/validation/invitations';
import { now } from '@/lib/clock';

async function guardAddress(): Promise<string> {
  const key = `invite-ip:${clientAddress(await headers())}`;
  const locked = await throttleLockRemaining([key], now().getTime());
  if (locked > 0) throw new ActionError(lockMessage(locked, 'invitation'));
  return key;
}

async function refused(key: string, reason: InvitationRefusal, invitedEmail?: string): Promise<never> {
  if (reason === 'unknown' || reason === 'expired') await recordSignInFailure([{ key, limits: IP_LIMITS }], now().getTime());
  throw new ActionError(invitationRefusalMessage(reason, invitedEmail));
}

export const acceptInvitationAction = authedAction(acceptInvitationSchema, async ({ token }, user) => {
  const key = await guardAddress();
  const accepted = await acceptInvitation(token, user, now());
  if (!accepted.ok) return refused(key, accepted.reason, accepted.invitedEmail);
  redirect(`/join/${accepted.joinCode}?joined=1`);
});

export const signUpWithInvitationAction = publicAction(invitedSignUpSchema, async ({ token, name, password, timeZone }) => {
  const key = await guardAddress();
  const created = await signUpWithInvitation(token, { name, passwordHash: await hashPassword(password), timeZone }, now());
  if (!created.ok) return refused(key, created.reason);
  await signIn('credentials', { email: created.email, password, redirect: false });
  redirect(`/join/${created.joinCode}?joined=1`);
});
