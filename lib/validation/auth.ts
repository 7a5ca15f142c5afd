/** Input rules for the account forms, shared by server actions and the auth provider. */
import { z } from 'zod';

import { safeCallbackPath } from './callback-path';
import { EMAIL_MAX, PASSWORD_MAX, PASSWORD_MIN } from './limits';
import { plainText } from './text';
import { isGuessablePassword, WEAK_PASSWORD_MESSAGE } from '@/lib/auth/password-strength';
import { RESET_TOKEN_PATTERN } from '@/lib/auth/reset-token';

export { PASSWORD_MAX, PASSWORD_MIN };

/** Where to go after the form: anything but a safe same-origin path becomes /today (never an error). */
const callbackField = () => z.unknown().optional().transform((v) => safeCallbackPath(v));

export const emailField = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .toLowerCase()
  .min(1, 'Enter your email address.')
  .max(EMAIL_MAX, 'That email address is too long.')
  .pipe(z.email({ error: 'Enter a valid email address.' }));

// Length first; the guessability check only runs on a password of a sensible length.
export const newPasswordField = z
  .string({ error: 'Choose a password.' })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`)
  .refine((p) => !isGuessablePassword(p), { message: WEAK_PASSWORD_MESSAGE, abort: true });

export const signInSchema = z.object({
  email: emailField,
  password: z.string({ error: 'Enter your password.' }).min(1, 'Enter your password.').max(PASSWORD_MAX, 'Password too long.'),
  callbackUrl: callbackField(),
});

export const signUpSchema = z.object({
  name: plainText(z.string({ error: 'Enter your name.' }).trim().min(1, 'Enter your name.').max(80, 'Use at most 80 characters.')),
  email: emailField,
  password: newPasswordField,
  callbackUrl: callbackField(),
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password.').max(PASSWORD_MAX),
    newPassword: newPasswordField,
    confirmPassword: z.string().max(PASSWORD_MAX),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    message: 'The two passwords differ.',
    path: ['confirmPassword'],
  });

export const forgotPasswordSchema = z.object({ email: emailField });

/** A reset link's token: exactly the shape we issue, so nothing else reaches a lookup. */
export const resetTokenField = z.string({ error: 'This link is not complete.' }).regex(RESET_TOKEN_PATTERN, 'This link is not complete.');

export const resetPasswordSchema = z
  .object({
    token: resetTokenField,
    newPassword: newPasswordField,
    confirmPassword: z.string().max(PASSWORD_MAX),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    message: 'The two passwords differ.',
    path: ['confirmPassword'],
  });

/** Issue 17: "Confirm my email" from a verification link (same token shape as a reset link). */
export const verifyEmailSchema = z.object({ token: resetTokenField });

/** Issue 17: deleting one's account asks for the password again, and for the word DELETE. */
export const deleteAccountSchema = z.object({
  password: z.string({ error: 'Enter your password.' }).min(1, 'Enter your password.').max(PASSWORD_MAX, 'Password too long.'),
  confirm: z.string({ error: 'Type DELETE to confirm.' }).max(20).trim().refine((v) => v === 'DELETE', 'Type DELETE to confirm.'),
});

/** Actions that take no input ("Resend verification mail"): any fields sent are ignored. */
export const noInputSchema = z.object({});
