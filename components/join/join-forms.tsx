'use client';
/** The two steps of joining a class: type the code, then confirm the class it names. */
import { useActionState } from 'react';
import type { ActionResult, FormAction } from '@/lib/actions/result';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';

type State = ActionResult<unknown> | null;

export function JoinCodeForm({ findClass }: { findClass: FormAction<State> }) {
  const [state, action] = useActionState<State, FormData>(findClass, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="form" noValidate data-testid="join-code-form">
      <Field
        name="code"
        label="Class code"
        required
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={300}
        placeholder="e.g. K7WQ3-MZP9D"
        hint="Ten letters and digits from your instructor; dashes and case don't matter."
        errors={errors?.code ?? (state && !state.ok ? [state.error] : undefined)}
      />
      <SubmitButton pendingLabel="Looking it up…" className="btn btn-primary">
        Continue
      </SubmitButton>
    </form>
  );
}

export function JoinConfirmForm({ code, joinClass }: { code: string; joinClass: FormAction<State> }) {
  const [state, action] = useActionState<State, FormData>(joinClass, null);
  return (
    <form action={action} className="form" data-testid="join-confirm-form">
      <FormAlert error={state && !state.ok ? state.error : undefined} />
      <input type="hidden" name="code" value={code} />
      <SubmitButton pendingLabel="Joining…" className="btn btn-primary">
        Join class
      </SubmitButton>
    </form>
  );
}
