/** Input rules for invitations by roster (issue 17): the roster form, one invitation, a link's token, the invited sign-up. */
import { z } from 'zod';
import { INVITATION_TOKEN_PATTERN } from '@/lib/auth/invitation-token';
import { ROSTER_MAX_BYTES } from '@/lib/teach/roster';
import { isValidTimeZone } from '@/lib/time/study-day';
import { newPasswordField, signUpSchema } from './auth';

const id = z.coerce.number({ error: 'Missing id.' }).int().positive().max(Number.MAX_SAFE_INTEGER);
const TOO_LONG = 'That list is too long: split it in parts.';

/** A pasted or uploaded roster: bounded in bytes here, in people by rosterSizeError. */
export const rosterSchema = z.object({
  classId: id,
  roster: z
    .string({ error: 'Paste or upload a list of email addresses.' })
    .max(ROSTER_MAX_BYTES, TOO_LONG)
    .refine((s) => Buffer.byteLength(s, 'utf8') <= ROSTER_MAX_BYTES, TOO_LONG)
    .refine((s) => s.trim().length > 0, 'Paste or upload a list of email addresses.'),
});

export const invitationIdSchema = z.object({ classId: id, invitationId: id });

/** An invitation link's token: exactly the shape issued, so nothing else reaches a lookup. */
export const invitationTokenField = z.string({ error: 'This link is not complete.' }).regex(INVITATION_TOKEN_PATTERN, 'This link is not complete.');

export const acceptInvitationSchema = z.object({ token: invitationTokenField });

/** Sign-up from an invitation: no email field (the invitation's address is the account's). */
export const invitedSignUpSchema = z.object({
  token: invitationTokenField,
  name: signUpSchema.shape.name,
  password: newPasswordField,
  timeZone: z
    .string()
    .max(64)
    .optional()
    .transform((tz) => (tz && isValidTimeZone(tz) ? tz : 'UTC')),
});
