'use client';
/**
 * The two ways to accept a class invitation: a signed-in account with the invited address accepts
 * with one button; a new person creates an account whose address is the invitation's (shown, not
 * editable: the server uses the invitation's address whatever is posted). Actions come as props.
 */
import { useActionState, useEffect, useRef } from 'react';
import type { ActionResult } from '@/lib/actions/result';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { NEW_PASSWORD_HINT, PASSWORD_MAX, PASSWORD_MIN } from '@/lib/validation/limits';

type Action = (prev: ActionResult<undefined> | null, input: FormData) => Promise<ActionResult<undefined>>;

export function AcceptInvitationForm({ token, action, className }: { token: string; action: Action; className: string }) {
  const [state, formAction] = useActionState<ActionResult<undefined> | null, FormData>(action, null);
  return (
    <form action={formAction} className="form" noValidate>
      <FormAlert error={state && !state.ok ? state.error : undefined} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton pendingLabel="Joining…">Accept and join {className}</SubmitButton>
    </form>
  );
}

export function InvitedSignUpForm({ token, email, name, action }: { token: string; email: string; name: string | null; action: Action }) {
  const [state, formAction] = useActionState<ActionResult<undefined> | null, FormData>(action, null);
  // The browser knows the student's time zone; "today" in reviews follows it.
  const timeZone = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (timeZone.current) timeZone.current.value = Intl.DateTimeFormat().resolvedOptions().timeZone;
  }, []);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="form" noValidate>
      <FormAlert error={state && !state.ok ? state.error : undefined} />
      <input type="hidden" name="token" value={token} />
      <input ref={timeZone} type="hidden" name="timeZone" defaultValue="" />
      <Field name="invitedEmail" label="Email" type="email" value={email} readOnly aria-readonly="true" hint="The address the invitation was sent to." />
      <Field name="name" label="Your name" autoComplete="name" required maxLength={80} defaultValue={name ?? ''} errors={errors?.name} />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        maxLength={PASSWORD_MAX}
        hint={NEW_PASSWORD_HINT}
        errors={errors?.password}
      />
      <SubmitButton pendingLabel="Creating your account…">Create account and join</SubmitButton>
    </form>
  );
}
