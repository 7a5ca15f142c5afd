'use client';
/**
 * Extensions on one assignment: tick students of the roster, choose a later date and time (read in
 * the class's time zone), and see or remove the extensions already given. The actions come from
 * the page as props (components import no server code).
 */
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/actions/result';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { ConfirmAction } from './confirm-action';

type Action = (prev: unknown, input: FormData | Record<string, unknown>) => Promise<ActionResult<unknown>>;

export interface ExtensionRow {
  userId: number;
  name: string;
  email: string;
  /** The date as the class reads it, e.g. "Wed, Dec 9, 2026, 23:59 UTC". */
  dueLabel: string;
  applies: boolean;
}

interface Props {
  assignmentId: number;
  students: { userId: number; name: string; email: string }[];
  extensions: ExtensionRow[];
  timeZone: string;
  initialDate: string;
  initialTime: string;
  grant: Action;
  remove: Action;
}

export function ExtensionsPanel({ assignmentId, students, extensions, timeZone, initialDate, initialTime, grant, remove }: Props) {
  const [state, action] = useActionState<ActionResult<unknown> | null, FormData>(grant, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const done = state?.ok ? (state.data as { summary?: string }).summary : undefined;
  return (
    <div className="stack">
      {extensions.length === 0 ? (
        <p className="muted small" style={{ margin: 0 }}>No student has an extension.</p>
      ) : (
        <ul className="people-list" data-testid="extension-list">
          {extensions.map((x) => (
            <li key={x.userId} data-testid={`extension-${x.userId}`}>
              <span className="who">
                <strong>{x.name}</strong> <span className="muted small">{x.email}</span>
                <br />
                <span className="small">
                  Due {x.dueLabel}
                  {!x.applies && ' (the assignment’s own date is now later, so it applies)'}
                </span>
              </span>
              <ConfirmAction
                action={remove}
                fields={{ assignmentId, userId: x.userId }}
                label="Remove"
                question={`Put ${x.name} back on the assignment’s due date?`}
                confirmLabel="Yes, remove"
                testId={`remove-extension-${x.userId}`}
              />
            </li>
          ))}
        </ul>
      )}
      {students.length === 0 ? (
        <p className="muted small" style={{ margin: 0 }}>No students yet.</p>
      ) : (
        <form action={action} className="form" noValidate data-testid="extension-form">
          <FormAlert error={state && !state.ok ? state.error : undefined} message={done} />
          <input type="hidden" name="assignmentId" value={assignmentId} />
          <fieldset className="fieldset" aria-describedby={errors?.userIds ? 'userIds-error' : undefined}>
            <legend>Students</legend>
            {students.map((s) => (
              <label className="check" key={s.userId}>
                <input type="checkbox" name="userIds" value={s.userId} data-testid={`extend-student-${s.userId}`} />
                {s.name} <span className="muted small">{s.email}</span>
              </label>
            ))}
            {errors?.userIds?.map((e) => <p className="field-error" id="userIds-error" key={e}>{e}</p>)}
          </fieldset>
          <div className="grid-2">
            <div className="field">
              <label htmlFor="ext-date">New due date</label>
              <input id="ext-date" type="date" name="dueDate" defaultValue={initialDate} required aria-describedby="ext-date-hint" />
              <p className="hint" id="ext-date-hint">In {timeZone.replaceAll('_', ' ')}.</p>
              {errors?.dueDate?.map((e) => <p className="field-error" key={e}>{e}</p>)}
            </div>
            <div className="field">
              <label htmlFor="ext-time">Time</label>
              <input id="ext-time" type="time" name="dueTime" defaultValue={initialTime} required />
              {errors?.dueTime?.map((e) => <p className="field-error" key={e}>{e}</p>)}
            </div>
          </div>
          <SubmitButton pendingLabel="Saving…" className="btn btn-primary">
            Give extension
          </SubmitButton>
        </form>
      )}
    </div>
  );
}
