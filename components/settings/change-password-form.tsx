'use client';
import { useActionState } from 'react';
import type { ActionResult, FormAction } from '@/lib/actions/result';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { NEW_PASSWORD_HINT, PASSWORD_MIN } from '@/lib/validation/limits';

export function ChangePasswordForm({ changePassword, changed = false }: { changePassword: FormAction<ActionResult | null>; changed?: boolean }) {
  const [state, action] = useActionState<ActionResult | null, FormData>(changePassword, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="form" noValidate>
      <FormAlert error={state && !state.ok ? state.error : undefined} message={changed && !state ? 'Password changed. Your other devices have been signed out.' : undefined} />
      <Field name="currentPassword" label="Current password" type="password" autoComplete="current-password" required errors={errors?.currentPassword} />
      <Field name="newPassword" label="New password" type="password" autoComplete="new-password" required minLength={PASSWORD_MIN} hint={NEW_PASSWORD_HINT} errors={errors?.newPassword} />
      <Field name="confirmPassword" label="Repeat the new password" type="password" autoComplete="new-password" required errors={errors?.confirmPassword} />
      <SubmitButton pendingLabel="Saving…" className="btn btn-primary">
        Change password
      </SubmitButton>
    </form>
  );
}
