'use client';
/**
 * A button for a consequential action (remove a student, renew a code, archive, delete) that asks
 * first, inline: no browser dialog, so it works the same with a keyboard, a screen reader and a tap.
 */
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/actions/result';

/** Any server action taking the button's fields: the page hands it down. */
export type ConfirmableAction = (prev: unknown, input: Record<string, unknown>) => Promise<ActionResult<unknown>>;

interface Props {
  action: ConfirmableAction;
  fields: Record<string, string | number>;
  label: string;
  question: string;
  confirmLabel: string;
  danger?: boolean;
  testId: string;
}

export function ConfirmAction({ action, fields, label, question, confirmLabel, danger = false, testId }: Props) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const confirm = () =>
    startTransition(async () => {
      const result = await action(null, fields);
      if (result.ok) setOpen(false);
      setError(result.ok ? null : result.error);
    });
  if (!open) {
    return (
      <button type="button" className={`btn btn-small${danger ? ' btn-danger' : ''}`} onClick={() => setOpen(true)} data-testid={testId}>
        {label}
      </button>
    );
  }
  return (
    <div className="confirm-inline" role="group" aria-label={question}>
      <p>{question}</p>
      <button type="button" className={`btn btn-small ${danger ? 'btn-danger-solid' : 'btn-primary'}`} onClick={confirm} disabled={pending} data-testid={`${testId}-confirm`}>
        {pending ? 'Working…' : confirmLabel}
      </button>
      <button type="button" className="btn btn-small" onClick={() => setOpen(false)} disabled={pending}>
        Cancel
      </button>
      {error && (
        <p className="field-error" role="alert" data-testid={`${testId}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
