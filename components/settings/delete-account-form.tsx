'use client';
/**
 * "Delete my account" (issue 17): the password again and the word DELETE, then everything goes.
 * While something stands in the way (an instructor's open classes, their decks) the page lists it
 * and the form stays closed. The action comes from the page (components import no app code).
 */
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/actions/result';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import './settings.css';

type Action = (prev: ActionResult<never> | null, form: FormData) => Promise<ActionResult<never>>;

export function DeleteAccountForm({ blockers, deleteAccount }: { blockers: string[]; deleteAccount: Action }) {
  const [state, action] = useActionState<ActionResult<never> | null, FormData>(deleteAccount, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  if (blockers.length > 0) {
    return (
      <div className="alert" role="status" data-testid="delete-blocked">
        <p style={{ margin: '0 0 8px' }}>Your account cannot be deleted yet:</p>
        <ul style={{ margin: 0 }}>
          {blockers.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <form action={action} className="form" noValidate data-testid="delete-account-form">
      <p className="muted small" style={{ margin: 0 }}>
        This deletes your account and everything in it at once: your reviews, quiz answers, classes you joined and settings. It cannot be undone. Download your data first if you want to keep it.
      </p>
      <FormAlert error={state && !state.ok ? state.error : undefined} />
      <Field name="password" id="delete-password" label="Your password" type="password" autoComplete="current-password" required errors={errors?.password} />
      <Field name="confirm" id="delete-confirm" label="Type DELETE to confirm" autoComplete="off" autoCapitalize="characters" spellCheck={false} required errors={errors?.confirm} />
      <SubmitButton pendingLabel="Deleting…" className="btn btn-danger">
        Delete my account
      </SubmitButton>
    </form>
  );
}
