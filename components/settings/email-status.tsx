'use client';
/**
 * Whether the account's email is confirmed (issue 17), with "Resend verification mail" while it
 * is not. Shown in Settings and where joining a class was refused. The action comes as a prop.
 */
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/actions/result';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';

type Action = (prev: ActionResult<string> | null, form: FormData) => Promise<ActionResult<string>>;

export function ResendVerification({ resend }: { resend: Action }) {
  const [state, action] = useActionState<ActionResult<string> | null, FormData>(resend, null);
  return (
    <form action={action} className="form" data-testid="resend-verification">
      <FormAlert error={state && !state.ok ? state.error : undefined} message={state?.ok ? state.data : undefined} />
      <SubmitButton pendingLabel="Sending…" className="btn">
        Resend verification mail
      </SubmitButton>
    </form>
  );
}
