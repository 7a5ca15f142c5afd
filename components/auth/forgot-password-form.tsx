'use client';
import { useActionState } from 'react';
import type { ActionResult, FormAction } from '@/lib/actions/result';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { EMAIL_MAX } from '@/lib/validation/limits';

/** Asks for a reset link. The answer is the same whether or not the email has an account. */
export function ForgotPasswordForm({ requestReset, linkDead = false }: { requestReset: FormAction<ActionResult | null>; linkDead?: boolean }) {
  const [state, action] = useActionState<ActionResult | null, FormData>(requestReset, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const deadLink = linkDead && !state ? 'That reset link has expired or was already used. Ask for a new one.' : undefined;
  return (
    <form action={action} className="form" noValidate>
      <FormAlert error={state && !state.ok ? state.error : deadLink} message={state?.ok ? state.message : undefined} />
      <Field name="email" label="Email" type="email" autoComplete="email" inputMode="email" required maxLength={EMAIL_MAX} errors={errors?.email} />
      <SubmitButton pendingLabel="Sending…">Send me a link</SubmitButton>
    </form>
  );
}
