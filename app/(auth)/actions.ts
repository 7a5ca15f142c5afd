'use server';
/**
 * Sign-in, sign-up and sign-out. Sign-in and sign-up are the only actions open to signed-out
 * visitors; they validate input themselves (a FormData first: a server action can be called with
 * anything), and never say whether an email has an account.
 */
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { AuthError, CredentialsSignin } from 'next-auth';
import { signIn } from '@/auth';
import { engine } from '@/db/engine';
import { createUser, EmailTakenError } from '@/db/admin/users';
import { recordSignUpRefusal, signUpLockRemaining } from '@/db/queries/auth';
import { signOutThisBrowser } from '@/app/_lib/session';
import { parseActionInput } from '@/app/_lib/action';
import type { AuthFormState } from '@/lib/actions/result';
import { clientAddress } from '@/lib/auth/client-address';
import { isValidTimeZone } from '@/lib/time/study-day';
import { lockMessage } from '@/lib/auth/throttle';
import { signInSchema, signUpSchema } from '@/lib/validation/auth';
import { SIGNED_OUT_PARAM } from '@/lib/auth/signed-out';
import { now } from '@/lib/clock';
import { emailVerificationRequired } from '@/lib/auth/email-verification';
import { queueVerificationMail } from '@/app/_lib/verification-mail';


const INVALID = 'Email or password is incorrect.';
const NOT_A_FORM: AuthFormState = { result: { ok: false, error: 'Send the form.' } };
// The same words whether the address is taken or not usable for another reason.
const SIGN_UP_REFUSED = 'We could not create an account with these details. If you already have one, sign in instead.';

function signInErrorMessage(error: unknown): string | null {
  if (error instanceof CredentialsSignin) {
    const locked = /^locked:(\d+)$/.exec(error.code);
    return locked ? lockMessage(Number(locked[1]) * 60_000) : INVALID;
  }
  if (error instanceof AuthError) return 'Sign-in failed. Please try again.';
  return null;
}

async function signInOrError(email: string, password: string): Promise<string | null> {
  try {
    await signIn('credentials', { email, password, redirect: false });
    return null;
  } catch (error) {
    const message = signInErrorMessage(error);
    if (message === null) throw error;
    return message;
  }
}

/** A field's text to show back in the form, whatever was sent. */
function echo(formData: FormData, name: string, max: number): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value.slice(0, max) : '';
}

export async function signInAction(_prev: AuthFormState, formData: unknown): Promise<AuthFormState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const parsed = parseActionInput(signInSchema, formData);
  const email = echo(formData, 'email', 254);
  if (!parsed.ok) {
    return { values: { email }, result: { ok: false, error: 'Please correct the highlighted fields.', fieldErrors: parsed.fieldErrors } };
  }
  const error = await signInOrError(parsed.data.email, parsed.data.password);
  if (error) return { values: { email }, result: { ok: false, error } };
  redirect(parsed.data.callbackUrl);
}

export async function signUpAction(_prev: AuthFormState, formData: unknown): Promise<AuthFormState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const parsed = parseActionInput(signUpSchema, formData);
  const values = { email: echo(formData, 'email', 254), name: echo(formData, 'name', 80) };
  if (!parsed.ok) {
    return { values, result: { ok: false, error: 'Please correct the highlighted fields.', fieldErrors: parsed.fieldErrors } };
  }
  const ipKey = `signup-ip:${clientAddress(await headers())}`;
  const at = now().getTime();
  const locked = await signUpLockRemaining(ipKey, at);
  if (locked > 0) return { values, result: { ok: false, error: lockMessage(locked, 'sign-up') } };
  const tz = echo(formData, 'timeZone', 64);
  try {
    const user = await createUser(await engine(), { ...parsed.data, timeZone: isValidTimeZone(tz) ? tz : 'UTC', emailVerified: false });
    // Issue 17: the link that lets a self-made account join classes while verification is required.
    if (emailVerificationRequired()) await queueVerificationMail(user.id, at);
  } catch (error) {
    if (!(error instanceof EmailTakenError)) throw error;
    // Counted per address, so trying a list of emails to see which are taken soon stops.
    await recordSignUpRefusal(ipKey, at);
    return { values, result: { ok: false, error: SIGN_UP_REFUSED } };
  }
  const error = await signInOrError(parsed.data.email, parsed.data.password);
  if (error) return { values, result: { ok: false, error } };
  redirect(parsed.data.callbackUrl);
}

export async function signOutAction(): Promise<void> {
  // Ends the session on the server (its record is deleted), then clears this browser's cookie.
  // The flag tells the sign-in page to say so and the root ServiceWorker to forget cached pages.
  await signOutThisBrowser(`/signin?${SIGNED_OUT_PARAM}=1`);
}
