/**
 * The one wrapper every server action goes through: it checks the session (and role),
 * validates the input with zod, and returns a typed result instead of throwing at the user.
 */
import 'server-only';
import type { z } from 'zod';
import { currentUser, type SignedInUser } from '@/app/_lib/session';
import type { Role } from '@/lib/auth/session-user';
import { NUL_MESSAGE, nulPath } from '@/lib/validation/text';

import type { ActionResult, FieldErrors } from '@/lib/actions/result';

export type { ActionResult, FieldErrors } from '@/lib/actions/result';

export class ActionError extends Error {
  constructor(
    message: string,
    public readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
  }
}

/** FormData → plain object; repeated keys become arrays. */
export function formDataToObject(input: FormData | Record<string, unknown>): Record<string, unknown> {
  if (!(input instanceof FormData)) return input;
  const out: Record<string, unknown> = {};
  for (const [key, value] of input.entries()) {
    if (key.startsWith('$ACTION')) continue;
    const existing = out[key];
    out[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

/**
 * The input decoded by `schema`, or the field errors that refuse it: a NUL character anywhere is
 * refused before the schema runs (lib/validation/text.ts nulPath says why no schema may let one through).
 */
export function parseActionInput<S extends z.ZodType>(schema: S, raw: FormData | Record<string, unknown>): { ok: true; data: z.output<S> } | { ok: false; fieldErrors: FieldErrors } {
  const input = formDataToObject(raw);
  const at = nulPath(input);
  if (at !== null) return { ok: false, fieldErrors: { [at || '_form']: [NUL_MESSAGE] } };
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
}

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_form';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

interface Options {
  role?: Role;
}

/**
 * @example
 * export const renameClass = authedAction(z.object({ id: z.coerce.number(), name: z.string() }),
 *   async (input, user) => renameClassFor(user, input), { role: 'instructor' });
 */
export function authedAction<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.output<S>, user: SignedInUser) => Promise<T> | T,
  options: Options = {},
) {
  return async (_prev: unknown, raw: FormData | Record<string, unknown>): Promise<ActionResult<T>> => {
    const user = await currentUser();
    if (!user) return { ok: false, error: 'Your session has ended. Sign in again.' };
    if (options.role && user.role !== options.role) return { ok: false, error: 'You are not allowed to do that.' };
    const parsed = parseActionInput(schema, raw);
    if (!parsed.ok) return { ok: false, error: 'Please correct the highlighted fields.', fieldErrors: parsed.fieldErrors };
    try {
      return { ok: true, data: await handler(parsed.data, user) };
    } catch (error) {
      if (error instanceof ActionError) return { ok: false, error: error.message, fieldErrors: error.fieldErrors };
      throw error;
    }
  };
}

/**
 * The same wrapper for the few actions open to signed-out visitors (asking for a password reset,
 * setting a new password from a link): zod input and a typed result, but no session to check.
 * Throttling is the action's own business.
 */
export function publicAction<S extends z.ZodType, T>(schema: S, handler: (input: z.output<S>) => Promise<T> | T, message?: string) {
  return async (_prev: unknown, raw: FormData | Record<string, unknown>): Promise<ActionResult<T>> => {
    const parsed = parseActionInput(schema, raw);
    if (!parsed.ok) return { ok: false, error: 'Please correct the highlighted fields.', fieldErrors: parsed.fieldErrors };
    try {
      return { ok: true, data: await handler(parsed.data), ...(message ? { message } : {}) };
    } catch (error) {
      if (error instanceof ActionError) return { ok: false, error: error.message, fieldErrors: error.fieldErrors };
      throw error;
    }
  };
}
