'use client';
/** "Take the quiz" on an assignment: one tap starts the assignment's own quiz; a refusal is shown in place. */
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/actions/result';
import { SubmitButton } from '@/components/ui/submit-button';

interface Props {
  action: (prev: ActionResult<unknown> | null, data: FormData) => Promise<ActionResult<unknown>>;
  assignmentId: number;
  label: string;
}

export function AssignmentQuizButton({ action, assignmentId, label }: Props) {
  const [state, formAction] = useActionState<ActionResult<unknown> | null, FormData>(action, null);
  return (
    <form action={formAction} className="assignment-quiz-form">
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <SubmitButton pendingLabel="Starting…" className="btn btn-small btn-primary">
        {label}
      </SubmitButton>
      {state && !state.ok && (
        <p className="field-error small" role="alert" data-testid="assignment-quiz-error">
          {state.error}
        </p>
      )}
    </form>
  );
}
