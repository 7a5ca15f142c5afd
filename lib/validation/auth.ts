/** Input rules for the account forms, shared by server actions and the auth provider. */
import { z } from 'zod';

import { EMAIL_MAX, PASSWORD_MAX, PASSWORD_MIN } from './limits';

export { PASSWORD_MAX, PASSWORD_MIN };

export const emailField = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .toLowerCase()
  .min(1, 'Enter your email address.')
  .max(EMAIL_MAX, 'That email address is too long.')
  .pipe(z.email({ error: 'Enter a valid email address.' }));

export const newPasswordField = z
  .string({ error: 'Choose a password.' })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

export const signInSchema = z.object({
  email: emailField,
  password: z.string({ error: 'Enter your password.' }).min(1, 'Enter your password.').max(PASSWORD_MAX, 'Password too long.'),
  callbackUrl: z.string().max(2000).optional(),
});

export const signUpSchema = z.object({
  name: z
    .string({ error: 'Enter your name.' })
    .trim()
    .min(1, 'Enter your name.')
    .max(80, 'Use at most 80 characters.'),
  email: emailField,
  password: newPasswordField,
  callbackUrl: z.string().max(2000).optional(),
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

/** Only same-site relative paths may be redirected to after sign-in (no open redirect). */
export function safeCallbackPath(raw: string | undefined | null, fallback = '/today'): string {
  if (!raw) return fallback;
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return fallback;
  if (raw.startsWith('/signin') || raw.startsWith('/signup')) return fallback;
  return raw;
}
