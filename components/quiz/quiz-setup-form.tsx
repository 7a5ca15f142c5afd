'use client';
/**
 * The quiz setup form: which sections, how many questions, when to see the answers.
 * Submitted by hand inside a transition (not as a form action) so a refused submit keeps the
 * student's choices instead of resetting the form; without JavaScript the form action still works.
 */
import { startTransition, useActionState } from 'react';
import type { ActionResult, FormAction } from '@/lib/actions/result';
import { FormAlert } from '@/components/ui/form-alert';
import { plural } from '@/lib/text/plural';

export interface SetupSection {
  key: string;
  title: string;
  questionCount: number;
}

interface Props {
  deckId: string;
  sections: SetupSection[];
  defaultFeedback: 'immediate' | 'end';
  defaultCount: number;
  maxCount: number;
  startQuiz: FormAction<ActionResult<never> | null>;
}

function Errors({ id, errors }: { id: string; errors?: string[] }) {
  return errors?.map((e) => (
    <p className="field-error" id={id} key={e}>
      {e}
    </p>
  ));
}

export function QuizSetupForm({ deckId, sections, defaultFeedback, defaultCount, maxCount, startQuiz }: Props) {
  const [state, dispatch, pending] = useActionState<ActionResult<never> | null, FormData>(startQuiz, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const total = sections.reduce((sum, s) => sum + s.questionCount, 0);
  return (
    <form
      action={dispatch}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => dispatch(data));
      }}
      className="form"
      noValidate
    >
      <FormAlert error={state && !state.ok ? state.error : undefined} />
      <input type="hidden" name="deckId" value={deckId} />
      <fieldset className="quiz-fieldset" aria-describedby={errors?.sectionKeys ? 'sections-error' : undefined}>
        <legend>Sections</legend>
        <p className="hint">{total === 1 ? 'The deck’s one question is included.' : `All ${plural(total, 'question')} of the deck are included.`} Untick the sections you want to leave out.</p>
        <div className="quiz-checks">
          {sections.map((s) => (
            <label key={s.key} className="quiz-check">
              <input type="checkbox" name="sectionKeys" value={s.key} defaultChecked />
              <span>
                {s.title} <span className="muted small">({s.questionCount})</span>
              </span>
            </label>
          ))}
        </div>
        <Errors id="sections-error" errors={errors?.sectionKeys} />
      </fieldset>

      <div className="field quiz-count">
        <label htmlFor="quiz-count">Number of questions</label>
        <input
          id="quiz-count"
          name="count"
          type="number"
          inputMode="numeric"
          min={1}
          max={maxCount}
          defaultValue={defaultCount}
          required
          aria-invalid={errors?.count ? true : undefined}
          aria-describedby={['count-hint', errors?.count ? 'count-error' : ''].filter(Boolean).join(' ')}
        />
        <p className="hint" id="count-hint">
          From 1 to {maxCount}. Questions you have not seen or got wrong come first.
        </p>
        <Errors id="count-error" errors={errors?.count} />
      </div>

      <fieldset className="quiz-fieldset">
        <legend>Show the answers</legend>
        <div className="quiz-checks">
          <label className="quiz-check">
            <input type="radio" name="feedback" value="immediate" defaultChecked={defaultFeedback === 'immediate'} />
            <span>
              Right after each question
              <span className="hint"> with the explanation and the passage it comes from</span>
            </span>
          </label>
          <label className="quiz-check">
            <input type="radio" name="feedback" value="end" defaultChecked={defaultFeedback === 'end'} />
            <span>
              At the end
              <span className="hint"> like a test: all the answers on the results page</span>
            </span>
          </label>
        </div>
        <Errors id="feedback-error" errors={errors?.feedback} />
      </fieldset>

      <button type="submit" className="btn btn-primary btn-block" disabled={pending} aria-disabled={pending}>
        {pending ? 'Preparing your quiz…' : 'Start quiz'}
      </button>
    </form>
  );
}
