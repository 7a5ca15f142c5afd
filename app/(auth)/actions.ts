'use server';
/**
 * Sign-in, sign-up and sign-out. Sign-in and sign-up are the only actions open to signed-out
 * visitors; they validate input themselves and never say whether an email has an account.
 */
import { redirect } from 'next/navigation';
import { AuthError, CredentialsSignin } from 'next-auth';
import { signIn, signOut } from '@/auth';
import { db } from '@/db';
import { createUser, EmailTakenError } from '@/db/admin/users';
import { fieldErrorsOf, formDataToObject, type ActionResult } from '@/app/_lib/action';
import { isValidTimeZone } from '@/lib/time/study-day';
import { lockMessage } from '@/lib/auth/throttle';
import { safeCallbackPath, signInSchema, signUpSchema } from '@/lib/validation/auth';
import { SIGNED_OUT_PARAM } from '@/lib/auth/signed-out';

export interface AuthFormState {
  result?: ActionResult<undefined>;
  values?: { email?: string; name?: string };
}

const INVALID = 'Email or password is incorrect.';

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

export async function signInAction(_prev: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const parsed = signInSchema.safeParse(formDataToObject(formData));
  const email = String(formData.get('email') ?? '').slice(0, 254);
  if (!parsed.success) {
    return { values: { email }, result: { ok: false, error: 'Please correct the highlighted fields.', fieldErrors: fieldErrorsOf(parsed.error) } };
  }
  const error = await signInOrError(parsed.data.email, parsed.data.password);
  if (error) return { values: { email }, result: { ok: false, error } };
  redirect(safeCallbackPath(parsed.data.callbackUrl));
}

export async function signUpAction(_prev: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const parsed = signUpSchema.safeParse(formDataToObject(formData));
  const values = { email: String(formData.get('email') ?? '').slice(0, 254), name: String(formData.get('name') ?? '').slice(0, 80) };
  if (!parsed.success) {
    return { values, result: { ok: false, error: 'Please correct the highlighted fields.', fieldErrors: fieldErrorsOf(parsed.error) } };
  }
  const tz = String(formData.get('timeZone') ?? '');
  try {
    await createUser(db, { ...parsed.data, timeZone: isValidTimeZone(tz) ? tz : 'UTC' });
  } catch (error) {
    if (!(error instanceof EmailTakenError)) throw error;
    // Sign-up has to say the address is taken; keep it generic and point at sign-in.
    return { values, result: { ok: false, error: 'Could not create the account.', fieldErrors: { email: ['This email cannot be used. If it is yours, sign in instead.'] } } };
  }
  const error = await signInOrError(parsed.data.email, parsed.data.password);
  if (error) return { values, result: { ok: false, error } };
  redirect(safeCallbackPath(parsed.data.callbackUrl));
}

export async function signOutAction(): Promise<void> {
  // The flag tells the sign-in page to say so and the root ServiceWorker to forget cached pages.
  await signOut({ redirectTo: `/signin?${SIGNED_OUT_PARAM}=1` });
}
