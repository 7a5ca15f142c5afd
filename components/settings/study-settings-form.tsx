'use client';
/**
 * The study settings section of /settings. Submitted in a transition instead of as a plain
 * form action so React does not reset the fields: after an error the learner still sees what
 * they typed next to the message.
 */
import { startTransition, useActionState, useEffect, useRef, useSyncExternalStore, type FormEvent } from 'react';
import type { ActionResult, FormAction } from '@/lib/actions/result';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { STUDY_LIMITS } from '@/lib/validation/study-settings';
import { Choice, FieldErrors } from './choice';
import './settings.css';

export interface StudySettingsValues {
  desiredRetention: number;
  newPerDay: number;
  reviewsPerDay: number;
  timeZone: string;
  rolloverHour: number;
  passFail: boolean;
  maximumInterval: number;
  leechThreshold: number;
  quizFeedback: 'immediate' | 'end';
}

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const noSubscribe = () => () => {};
const deviceZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function StudySettingsForm({ initial, timeZones, save }: { initial: StudySettingsValues; timeZones: string[]; save: FormAction<ActionResult | null> }) {
  const [state, action] = useActionState<ActionResult | null, FormData>(save, null);
  const zoneSelect = useRef<HTMLSelectElement>(null);
  // Known only in the browser; null while rendering on the server.
  const device = useSyncExternalStore(noSubscribe, deviceZone, () => null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const form = useRef<HTMLFormElement>(null);
  // The form is long: after a failed save, take the learner to the first field to fix.
  useEffect(() => {
    if (state && !state.ok) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  }

  return (
    <form ref={form} action={action} onSubmit={onSubmit} className="form" noValidate data-testid="study-settings-form">
      <Field
        name="desiredRetention"
        label="Desired retention"
        type="number"
        inputMode="decimal"
        step="0.01"
        min={STUDY_LIMITS.desiredRetention.min}
        max={STUDY_LIMITS.desiredRetention.max}
        defaultValue={initial.desiredRetention.toFixed(2)}
        hint="The chance of remembering a card when it comes back (0.70–0.97). Higher retention means more reviews per day; 0.90 is a good balance."
        errors={errors?.desiredRetention}
      />
      <div className="settings-pair">
        <Field name="newPerDay" label="New cards per day" type="number" inputMode="numeric" min={0} max={9999} defaultValue={initial.newPerDay} errors={errors?.newPerDay} />
        <Field name="reviewsPerDay" label="Maximum reviews per day" type="number" inputMode="numeric" min={0} max={9999} defaultValue={initial.reviewsPerDay} errors={errors?.reviewsPerDay} />
      </div>

      <div className="field">
        <label htmlFor="timeZone">Time zone</label>
        <select id="timeZone" name="timeZone" ref={zoneSelect} defaultValue={initial.timeZone} aria-invalid={errors?.timeZone ? true : undefined} aria-describedby={errors?.timeZone ? 'timeZone-error' : undefined}>
          {timeZones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll('_', ' ')}
            </option>
          ))}
        </select>
        {device && device !== initial.timeZone && timeZones.includes(device) && (
          <button type="button" className="link-button" onClick={() => zoneSelect.current && (zoneSelect.current.value = device)}>
            Use this device&apos;s time zone ({device.replaceAll('_', ' ')})
          </button>
        )}
        <FieldErrors id="timeZone-error" errors={errors?.timeZone} />
      </div>
      <div className="field">
        <label htmlFor="rolloverHour">A new study day starts at</label>
        <select
          id="rolloverHour"
          name="rolloverHour"
          defaultValue={initial.rolloverHour}
          aria-invalid={errors?.rolloverHour ? true : undefined}
          aria-describedby={errors?.rolloverHour ? 'rolloverHour-hint rolloverHour-error' : 'rolloverHour-hint'}
        >
          {HOURS.map((h) => (
            <option key={h} value={h}>
              {`${String(h).padStart(2, '0')}:00${h === 4 ? ' (default)' : ''}`}
            </option>
          ))}
        </select>
        <p className="hint" id="rolloverHour-hint">
          Reviews done after midnight but before this hour still count for the day before.
        </p>
        <FieldErrors id="rolloverHour-error" errors={errors?.rolloverHour} />
      </div>

      <Choice
        name="passFail"
        legend="Grading buttons"
        value={String(initial.passFail)}
        options={[
          { value: 'false', label: 'Four buttons', hint: 'Again, Hard, Good, Easy' },
          { value: 'true', label: 'Pass / fail', hint: 'Two buttons: Again or Good' },
        ]}
        errors={errors?.passFail}
      />
      <Choice
        name="quizFeedback"
        legend="Quiz feedback"
        value={initial.quizFeedback}
        options={[
          { value: 'immediate', label: 'After each question' },
          { value: 'end', label: 'At the end of the quiz' },
        ]}
        errors={errors?.quizFeedback}
      />

      <div className="settings-pair">
        <Field name="maximumInterval" label="Maximum interval (days)" type="number" inputMode="numeric" min={1} max={36500} defaultValue={initial.maximumInterval} hint="No card waits longer than this." errors={errors?.maximumInterval} />
        <Field name="leechThreshold" label="Leech threshold (lapses)" type="number" inputMode="numeric" min={0} max={STUDY_LIMITS.leechThreshold.max} defaultValue={initial.leechThreshold} hint="A card forgotten this often is suspended; 0 turns this off." errors={errors?.leechThreshold} />
      </div>
      {/* Next to the button, where the learner is looking after pressing it. */}
      <FormAlert error={state && !state.ok ? state.error : undefined} message={state?.ok ? 'Study settings saved.' : undefined} />
      <SubmitButton pendingLabel="Saving…" className="btn btn-primary">
        Save study settings
      </SubmitButton>
    </form>
  );
}
