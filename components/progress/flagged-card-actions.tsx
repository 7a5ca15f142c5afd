'use client';
/** The buttons of one card on /progress/leeches: unsuspend it, or clear its leech flag. */
import { useActionState } from 'react';
import type { ActionResult, FormAction } from '@/lib/actions/result';
import { SubmitButton } from '@/components/ui/submit-button';

export interface FlaggedCardServerActions {
  unsuspendCard: FormAction<ActionResult | null>;
  clearLeechFlag: FormAction<ActionResult | null>;
}

export function FlaggedCardActions({ cardId, suspended, leech, actions }: { cardId: number; suspended: boolean; leech: boolean; actions: FlaggedCardServerActions }) {
  const [unsuspendState, unsuspend] = useActionState<ActionResult | null, FormData>(actions.unsuspendCard, null);
  const [clearState, clear] = useActionState<ActionResult | null, FormData>(actions.clearLeechFlag, null);
  const error = [unsuspendState, clearState].find((s) => s && !s.ok);
  return (
    <div className="leech-actions">
      {suspended && (
        <form action={unsuspend}>
          <input type="hidden" name="cardId" value={cardId} />
          <SubmitButton pendingLabel="Unsuspending…" className="btn btn-primary">
            Unsuspend
          </SubmitButton>
        </form>
      )}
      {leech && (
        <form action={clear}>
          <input type="hidden" name="cardId" value={cardId} />
          <SubmitButton pendingLabel="Clearing…" className="btn">
            Clear leech flag
          </SubmitButton>
        </form>
      )}
      {error && !error.ok && (
        <p className="field-error" role="alert">
          {error.error}
        </p>
      )}
    </div>
  );
}
