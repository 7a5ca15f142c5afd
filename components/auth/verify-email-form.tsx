'use client';
import Link from 'next/link';
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/actions/result';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';

type VerifyAction = (prev: ActionResult | null, form: FormData) => Promise<ActionResult>;

/** "Confirm my email" for a verification link; the action comes from the page (components import no app code). */
export function VerifyEmailForm({ token, verify }: { token: string; verify: VerifyAction }) {
  const [state, action] = useActionState<ActionResult | null, FormData>(verify, null);
  if (state?.ok) {
    return (
      <div className="stack">
        <FormAlert message={state.message} />
        <Link className="btn btn-primary" href="/join">
          Join a class
        </Link>
      </div>
    );
  }
  return (
    <form action={action} className="form" noValidate>
      <FormAlert error={state && !state.ok ? state.error : undefined} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton pendingLabel="Confirming…">Confirm my email</SubmitButton>
    </form>
  );
}
