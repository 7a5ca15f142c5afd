'use client';
import { useActionState, useEffect, useRef } from 'react';
import type { AuthFormState, FormAction } from '@/lib/actions/result';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { EMAIL_MAX, NEW_PASSWORD_HINT, PASSWORD_MAX, PASSWORD_MIN } from '@/lib/validation/limits';

export function SignUpForm({ signUp, callbackUrl }: { signUp: FormAction<AuthFormState>; callbackUrl?: string }) {
  const [state, action] = useActionState<AuthFormState, FormData>(signUp, {});
  // The browser knows the student's time zone; "today" in reviews follows it.
  const timeZone = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (timeZone.current) timeZone.current.value = Intl.DateTimeFormat().resolvedOptions().timeZone;
  }, []);
  const errors = state.result && !state.result.ok ? state.result.fieldErrors : undefined;
  return (
    <form action={action} className="form" noValidate>
      <FormAlert error={state.result && !state.result.ok ? state.result.error : undefined} />
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <input ref={timeZone} type="hidden" name="timeZone" defaultValue="" />
      <Field name="name" label="Your name" autoComplete="name" required maxLength={80} defaultValue={state.values?.name} errors={errors?.name} />
      <Field name="email" label="Email" type="email" autoComplete="email" inputMode="email" required maxLength={EMAIL_MAX} defaultValue={state.values?.email} errors={errors?.email} />
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
      <SubmitButton pendingLabel="Creating your account…">Create account</SubmitButton>
    </form>
  );
}
