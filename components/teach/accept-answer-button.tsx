'use client';
/** One click adds a typed answer to the item's accepted answers (the instructor's own deck). */
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/actions/result';

interface Props {
  action: (prev: unknown, input: Record<string, unknown>) => Promise<ActionResult<unknown>>;
  deckId: string;
  itemId: string;
  answer: string;
}

export function AcceptAnswerButton({ action, deckId, itemId, answer }: Props) {
  const [state, setState] = useState<'idle' | 'done' | string>('idle');
  const [pending, startTransition] = useTransition();
  if (state === 'done') return <span className="small verdict-right" role="status">Added to the accepted answers</span>;
  return (
    <span>
      <button
        type="button"
        className="btn btn-small"
        disabled={pending}
        data-testid="accept-answer"
        onClick={() =>
          startTransition(async () => {
            const result = await action(null, { deckId, itemId, answer });
            setState(result.ok ? 'done' : result.error);
          })
        }
      >
        {pending ? 'Adding…' : 'Accept this answer'}
      </button>
      {state !== 'idle' && <span className="small field-error" role="alert"> {state}</span>}
    </span>
  );
}
