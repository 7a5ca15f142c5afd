'use client';
/** The buttons of one card on /progress/leeches: unsuspend it, or clear its leech flag. */
import { useActionState } from 'react';
import { clearLeechFlagAction, unsuspendCardAction } from '@/app/(study)/progress/leeches/actions';
import type { ActionResult } from '@/app/_lib/action';
import { SubmitButton } from '@/components/ui/submit-button';

export function FlaggedCardActions({ cardId, suspended, leech }: { cardId: number; suspended: boolean; leech: boolean }) {
  const [unsuspendState, unsuspend] = useActionState<ActionResult | null, FormData>(unsuspendCardAction, null);
  const [clearState, clear] = useActionState<ActionResult | null, FormData>(clearLeechFlagAction, null);
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
