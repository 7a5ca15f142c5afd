'use client';
import { useActionState } from 'react';
import type { AuthFormState, FormAction } from '@/lib/actions/result';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { EMAIL_MAX, PASSWORD_MAX } from '@/lib/validation/limits';

export function SignInForm({ signIn, callbackUrl }: { signIn: FormAction<AuthFormState>; callbackUrl?: string }) {
  const [state, action] = useActionState<AuthFormState, FormData>(signIn, {});
  const errors = state.result && !state.result.ok ? state.result.fieldErrors : undefined;
  return (
    <form action={action} className="form" noValidate>
      <FormAlert error={state.result && !state.result.ok ? state.result.error : undefined} />
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      {/* Length caps: a pasted megabyte would exceed the 1 MB server-action body limit and fail as a whole. */}
      <Field name="email" label="Email" type="email" autoComplete="email" inputMode="email" required maxLength={EMAIL_MAX} defaultValue={state.values?.email} errors={errors?.email} />
      <Field name="password" label="Password" type="password" autoComplete="current-password" required maxLength={PASSWORD_MAX} errors={errors?.password} />
      <SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
    </form>
  );
}
