/**
 * Sends a new email-verification link (issue 17), shared by sign-up and "Resend verification mail".
 * The token is stored before the mail leaves; the mail goes out after the response (after()), so a
 * slow mail server never holds a form up, and a failure is logged, never shown.
 */
import 'server-only';
import { after } from 'next/server';
import { appUrl, sendMail } from '@/app/_lib/mail';
import { storeVerificationToken, verificationStateOf } from '@/db/queries/email-verification';
import { VERIFY_TOKEN_TTL_MS } from '@/lib/auth/email-verification';
import { newResetToken } from '@/lib/auth/reset-token';
import { randomBytes } from 'node:crypto';
import { appLink, emailVerificationMail } from '@/lib/mail/templates';

/** False when the account is already verified (no mail then). */
export async function queueVerificationMail(userId: number, at: number): Promise<boolean> {
  const state = await verificationStateOf(userId);
  if (!state || state.verified) return false;
  const token = newResetToken(at, randomBytes, VERIFY_TOKEN_TTL_MS);
  if (!(await storeVerificationToken(userId, token))) return false;
  const link = appLink(appUrl(), '/verify-email', { token: token.token });
  const content = emailVerificationMail({ name: state.name, link, validHours: VERIFY_TOKEN_TTL_MS / 3_600_000 });
  after(() => sendMail({ to: state.email, content, link }).then(() => undefined, (error: unknown) => console.error('[mail] the verification mail could not be sent', error)));
  return true;
}
