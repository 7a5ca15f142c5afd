'use client';
/**
 * "I was right" under a typed quiz answer marked wrong. In a practice quiz the answer is re-scored at
 * once; in an assignment's quiz it asks the instructor, and the page then says the request waits.
 */
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/actions/result';
import { SubmitButton } from '@/components/ui/submit-button';

interface Props {
  action: (prev: ActionResult<unknown> | null, data: FormData) => Promise<ActionResult<unknown>>;
  attemptId: number;
  cardId: number;
  /** The attempt counts toward an assignment: the overrule is a request. */
  request: boolean;
}

export function OverruleButton({ action, attemptId, cardId, request }: Props) {
  const [state, formAction] = useActionState<ActionResult<unknown> | null, FormData>(action, null);
  return (
    <form action={formAction} className="quiz-overrule" data-testid="overrule-form">
      <input type="hidden" name="attemptId" value={attemptId} />
      <input type="hidden" name="cardId" value={cardId} />
      <p className="small muted" style={{ margin: 0 }}>
        {request ? 'This quiz counts toward an assignment: your instructor decides.' : 'Practice quiz: your word is enough.'}
      </p>
      <SubmitButton pendingLabel="Sending…" className="btn btn-small">
        {request ? 'I was right: ask my instructor' : 'I was right'}
      </SubmitButton>
      {state && !state.ok && (
        <p className="field-error small" role="alert">
          {state.error}
        </p>
      )}
    </form>
  );
}

const STATUS_TEXT = {
  pending: 'You asked your instructor to accept this answer. It is waiting for them.',
  accepted: 'Accepted: this answer now counts as right.',
  declined: 'Your instructor kept this answer marked wrong.',
} as const;

export function OverruleStatusNote({ status }: { status: keyof typeof STATUS_TEXT }) {
  return (
    <p className={`small ${status === 'declined' ? 'muted' : ''}`} role="status" data-testid="overrule-status" data-status={status}>
      {STATUS_TEXT[status]}
    </p>
  );
}
