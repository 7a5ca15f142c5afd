'use client';
/** Deletes (retires) an item after an explicit confirmation that says what happens to progress. */
import { useState } from 'react';
import type { ServerAction } from '@/lib/actions/result';
import { FormAlert } from '@/components/ui/form-alert';
import { useActionForm } from './use-action-form';

export function DeleteItemButton({ deckId, itemId, retireItem }: { deckId: string; itemId: string; retireItem: ServerAction<never> }) {
  const [confirming, setConfirming] = useState(false);
  const { submit, pending, error } = useActionForm<never>(retireItem);
  if (!confirming) {
    return (
      <button type="button" className="btn btn-danger" onClick={() => setConfirming(true)}>
        Delete item
      </button>
    );
  }
  return (
    <div className="alert confirm" role="group" aria-labelledby="confirm-delete">
      <FormAlert error={error} />
      <p id="confirm-delete">
        <strong>Delete this item?</strong> Students will not see it again; their past reviews of it are kept.
      </p>
      <div className="row">
        <button type="button" className="btn btn-danger" disabled={pending} onClick={() => submit({ deckId, itemId })}>
          {pending ? 'Deleting…' : 'Yes, delete it'}
        </button>
        <button type="button" className="btn" onClick={() => setConfirming(false)}>
          Keep it
        </button>
      </div>
    </div>
  );
}
