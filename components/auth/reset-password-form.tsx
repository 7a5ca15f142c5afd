'use client';
import { useActionState } from 'react';
import type { ActionResult, FormAction } from '@/lib/actions/result';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { PASSWORD_MAX, PASSWORD_MIN } from '@/lib/validation/limits';

/** Sets a new password from a reset link; on success the action sends the browser to sign in. */
export function ResetPasswordForm({ resetPassword, token }: { resetPassword: FormAction<ActionResult | null>; token: string }) {
  const [state, action] = useActionState<ActionResult | null, FormData>(resetPassword, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="form" noValidate>
      <FormAlert error={state && !state.ok ? state.error : undefined} />
      <input type="hidden" name="token" value={token} />
      <Field name="newPassword" label="New password" type="password" autoComplete="new-password" required minLength={PASSWORD_MIN} maxLength={PASSWORD_MAX} hint={`At least ${PASSWORD_MIN} characters, not easy to guess.`} errors={errors?.newPassword} />
      <Field name="confirmPassword" label="Repeat the new password" type="password" autoComplete="new-password" required maxLength={PASSWORD_MAX} errors={errors?.confirmPassword} />
      <SubmitButton pendingLabel="Saving…">Set new password</SubmitButton>
    </form>
  );
}
