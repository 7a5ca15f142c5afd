'use client';
/**
 * Who teaches a class: the owner and co-instructors, a form to add an instructor by email, and
 * (for the owner) a remove button per co-instructor. Actions come from the page as props.
 */
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/actions/result';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { ConfirmAction } from './confirm-action';

type Action = (prev: unknown, input: FormData | Record<string, unknown>) => Promise<ActionResult<unknown>>;

interface Props {
  classId: number;
  instructors: { userId: number; name: string; email: string; owner: boolean }[];
  /** The viewer owns the class: only then may they remove co-instructors. */
  viewerIsOwner: boolean;
  add: Action;
  remove: Action;
}

export function InstructorsPanel({ classId, instructors, viewerIsOwner, add, remove }: Props) {
  const [state, action] = useActionState<ActionResult<unknown> | null, FormData>(add, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <div className="stack">
      <ul className="people-list" data-testid="instructor-list">
        {instructors.map((i) => (
          <li key={i.userId} data-testid={`instructor-${i.userId}`}>
            <span className="who">
              <strong>{i.name}</strong> <span className="muted small">{i.email}</span>
              {i.owner && <span className="badge" style={{ marginLeft: '0.5rem' }}>Owner</span>}
            </span>
            {viewerIsOwner && !i.owner && (
              <ConfirmAction
                action={remove}
                fields={{ classId, userId: i.userId }}
                label="Remove"
                question={`Remove ${i.name}? They lose access to this class at once.`}
                confirmLabel="Yes, remove"
                danger
                testId={`remove-instructor-${i.userId}`}
              />
            )}
          </li>
        ))}
      </ul>
      <form action={action} className="form" noValidate data-testid="add-instructor-form">
        <FormAlert error={state && !state.ok && !errors?.email ? state.error : undefined} message={state?.ok ? 'Added. They see this class on their Teach page now.' : undefined} />
        <input type="hidden" name="classId" value={classId} />
        <Field
          name="email"
          type="email"
          label="Add an instructor by email"
          hint="They need an instructor account. They get the same rights on this class, except that only the owner can archive it or remove instructors."
          autoComplete="off"
          maxLength={254}
          errors={errors?.email}
        />
        <SubmitButton pendingLabel="Adding…" className="btn">
          Add instructor
        </SubmitButton>
      </form>
    </div>
  );
}
