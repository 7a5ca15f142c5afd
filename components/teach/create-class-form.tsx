'use client';
/** New class: a name and the time zone its due dates are written in. */
import { useActionState } from 'react';
import type { ActionResult, FormAction } from '@/lib/actions/result';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';

export function CreateClassForm({ timeZones, defaultTimeZone, createClass }: { timeZones: string[]; defaultTimeZone: string; createClass: FormAction<ActionResult<unknown> | null> }) {
  const [state, action] = useActionState<ActionResult<unknown> | null, FormData>(createClass, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="form" noValidate data-testid="create-class-form">
      <FormAlert error={state && !state.ok ? state.error : undefined} />
      <Field name="name" label="Class name" required maxLength={80} placeholder="e.g. POLS 210, spring" errors={errors?.name} />
      <div className="field">
        <label htmlFor="timeZone">Time zone for due dates</label>
        <select id="timeZone" name="timeZone" defaultValue={defaultTimeZone} aria-describedby="timeZone-hint">
          {timeZones.map((tz) => (
            <option key={tz} value={tz}>
              {tz.replaceAll('_', ' ')}
            </option>
          ))}
        </select>
        <p className="hint" id="timeZone-hint">
          Due dates you set are read in this zone; students see them in their own.
        </p>
        {errors?.timeZone?.map((e) => (
          <p className="field-error" key={e}>
            {e}
          </p>
        ))}
      </div>
      <SubmitButton pendingLabel="Creating…" className="btn btn-primary">
        Create class
      </SubmitButton>
    </form>
  );
}
