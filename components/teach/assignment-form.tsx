'use client';
/**
 * Create or edit an assignment: a deck (or some of its sections), a due date and time in the
 * class's time zone, and optional quiz and memory goals. Fields are controlled so a rejected
 * submit keeps what the instructor typed.
 */
import { useActionState, useState } from 'react';
import type { ActionResult } from '@/lib/actions/result';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import type { AssignableDeck } from '@/db/queries/assignments';
import { AssignmentQuizFields, type QuizFieldValues } from './assignment-quiz-fields';

export interface AssignmentFormValues extends QuizFieldValues {
  deckId: string;
  scope: 'all' | 'sections';
  sectionKeys: string[];
  dueDate: string;
  dueTime: string;
  goalQuizScore: string;
  goalRecallPercent: string;
}

interface Props {
  action: (prev: ActionResult<unknown> | null, data: FormData) => Promise<ActionResult<unknown>>;
  hidden: Record<string, string | number>;
  decks: AssignableDeck[];
  initial: AssignmentFormValues;
  timeZone: string;
  submitLabel: string;
}

export function AssignmentForm({ action, hidden, decks, initial, timeZone, submitLabel }: Props) {
  const [state, formAction] = useActionState<ActionResult<unknown> | null, FormData>(action, null);
  const [v, setV] = useState(initial);
  const set = <K extends keyof AssignmentFormValues>(key: K, value: AssignmentFormValues[K]) => setV((old) => ({ ...old, [key]: value }));
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const deck = decks.find((d) => d.id === v.deckId);
  const toggleSection = (key: string, on: boolean) => set('sectionKeys', on ? [...v.sectionKeys, key] : v.sectionKeys.filter((k) => k !== key));
  return (
    <form action={formAction} className="form" noValidate data-testid="assignment-form">
      <FormAlert error={state && !state.ok ? state.error : undefined} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="field">
        <label htmlFor="deckId">Deck</label>
        <select id="deckId" name="deckId" value={v.deckId} onChange={(e) => setV((old) => ({ ...old, deckId: e.target.value, sectionKeys: [], quizSectionKeys: [] }))}>
          {decks.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title}
            </option>
          ))}
        </select>
        {errors?.deckId?.map((e) => <p className="field-error" key={e}>{e}</p>)}
      </div>
      <fieldset className="fieldset">
        <legend>What to study</legend>
        <label className="check">
          <input type="radio" name="scope" value="all" checked={v.scope === 'all'} onChange={() => set('scope', 'all')} />
          The whole deck
        </label>
        <label className="check">
          <input type="radio" name="scope" value="sections" checked={v.scope === 'sections'} onChange={() => set('scope', 'sections')} />
          Chosen sections
        </label>
        {v.scope === 'sections' && (
          <div style={{ paddingLeft: '1.5rem' }}>
            {deck?.sections.map((s) => (
              <label className="check" key={s.key}>
                <input type="checkbox" name="sectionKeys" value={s.key} checked={v.sectionKeys.includes(s.key)} onChange={(e) => toggleSection(s.key, e.target.checked)} />
                {s.title}
              </label>
            ))}
          </div>
        )}
        {errors?.sectionKeys?.map((e) => <p className="field-error" key={e}>{e}</p>)}
      </fieldset>
      <div className="grid-2">
        <Field name="dueDate" label="Due date" type="date" required value={v.dueDate} onChange={(e) => set('dueDate', e.target.value)} errors={errors?.dueDate} />
        <Field name="dueTime" label="Due time" type="time" required value={v.dueTime} onChange={(e) => set('dueTime', e.target.value)} hint={`In the class's time zone, ${timeZone.replaceAll('_', ' ')}.`} errors={errors?.dueTime} />
      </div>
      <p className="hint">Goal: every assigned card studied at least once by the due date. Optionally also:</p>
      <div className="grid-2">
        <Field
          name="goalQuizScore"
          label="Quiz score to reach (%)"
          type="number"
          inputMode="numeric"
          min={1}
          max={100}
          value={v.goalQuizScore}
          onChange={(e) => set('goalQuizScore', e.target.value)}
          hint="Best attempt at the assignment's quiz by the due date. Empty: no quiz goal."
          errors={errors?.goalQuizScore}
        />
        <Field
          name="goalRecallPercent"
          label="Predicted recall at the due date (%)"
          type="number"
          inputMode="numeric"
          min={50}
          max={99}
          value={v.goalRecallPercent}
          onChange={(e) => set('goalRecallPercent', e.target.value)}
          hint="Mean chance of remembering the assigned items on the due date, e.g. 85. Empty: no memory goal."
          errors={errors?.goalRecallPercent}
        />
      </div>
      {v.goalQuizScore.trim() !== '' && <AssignmentQuizFields deck={deck} values={v} set={(key, value) => setV((old) => ({ ...old, [key]: value }))} errors={errors} />}
      <SubmitButton pendingLabel="Saving…" className="btn btn-primary">
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
