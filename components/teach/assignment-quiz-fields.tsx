'use client';
/**
 * The assignment's quiz, inside the assignment form: which sections it covers (the assignment's
 * by default), how many questions, of which types, how many attempts and when the answers show.
 * Shown only when there is a quiz goal; field names match lib/validation/teach.ts.
 */
import { Field } from '@/components/ui/field';
import type { AssignableDeck } from '@/db/queries/assignments';
import { QUIZ_TYPES } from '@/lib/quiz/present';
import { ASSIGNMENT_QUIZ_BOUNDS as Q, QUIZ_TYPE_LABELS, type QuizFieldValues } from '@/lib/teach/assignment-quiz';

export type { QuizFieldValues };

interface Props {
  deck: AssignableDeck | undefined;
  values: QuizFieldValues;
  set: <K extends keyof QuizFieldValues>(key: K, value: QuizFieldValues[K]) => void;
  errors: Record<string, string[] | undefined> | undefined;
}

const toggled = <T,>(list: T[], item: T, on: boolean) => (on ? [...list, item] : list.filter((x) => x !== item));

function Errors({ list }: { list: string[] | undefined }) {
  return <>{list?.map((e) => <p className="field-error" key={e}>{e}</p>)}</>;
}

export function AssignmentQuizFields({ deck, values: v, set, errors }: Props) {
  return (
    <fieldset className="fieldset" data-testid="assignment-quiz">
      <legend>The quiz</legend>
      <p className="hint" style={{ margin: 0 }}>
        Students start it from the assignment on Today. Only their attempts at this quiz count toward the quiz goal; practice quizzes never do.
      </p>
      <fieldset className="fieldset-plain">
        <legend className="small">Sections</legend>
        <label className="check">
          <input type="radio" name="quizScope" value="assignment" checked={v.quizScope === 'assignment'} onChange={() => set('quizScope', 'assignment')} />
          The assignment&rsquo;s sections
        </label>
        <label className="check">
          <input type="radio" name="quizScope" value="sections" checked={v.quizScope === 'sections'} onChange={() => set('quizScope', 'sections')} />
          Chosen sections
        </label>
        {v.quizScope === 'sections' && (
          <div style={{ paddingLeft: '1.5rem' }}>
            {deck?.sections.map((s) => (
              <label className="check" key={s.key}>
                <input type="checkbox" name="quizSectionKeys" value={s.key} checked={v.quizSectionKeys.includes(s.key)} onChange={(e) => set('quizSectionKeys', toggled(v.quizSectionKeys, s.key, e.target.checked))} />
                {s.title}
              </label>
            ))}
          </div>
        )}
        <Errors list={errors?.quizSectionKeys} />
      </fieldset>
      <div className="grid-2">
        <div>
          <Field
            name="quizQuestions"
            label="Questions per attempt"
            type="number"
            inputMode="numeric"
            min={Q.questions.min}
            max={Q.questions.max}
            disabled={v.quizAll}
            value={v.quizAll ? '' : v.quizQuestions}
            onChange={(e) => set('quizQuestions', e.target.value)}
            errors={errors?.quizQuestions}
          />
          <label className="check">
            <input type="checkbox" name="quizAll" value="on" checked={v.quizAll} onChange={(e) => set('quizAll', e.target.checked)} />
            Every question
          </label>
        </div>
        <Field
          name="quizAttempts"
          label="Attempts allowed"
          type="number"
          inputMode="numeric"
          min={Q.attempts.min}
          max={Q.attempts.max}
          value={v.quizAttempts}
          onChange={(e) => set('quizAttempts', e.target.value)}
          hint="Empty: no limit. The best attempt counts."
          errors={errors?.quizAttempts}
        />
      </div>
      <fieldset className="fieldset-plain">
        <legend className="small">Types of question</legend>
        {QUIZ_TYPES.map((t) => (
          <label className="check" key={t}>
            <input type="checkbox" name="quizTypes" value={t} checked={v.quizTypes.includes(t)} onChange={(e) => set('quizTypes', toggled(v.quizTypes, t, e.target.checked))} />
            {QUIZ_TYPE_LABELS[t]}
          </label>
        ))}
        <Errors list={errors?.quizTypes} />
      </fieldset>
      <fieldset className="fieldset-plain">
        <legend className="small">Answers shown</legend>
        <label className="check">
          <input type="radio" name="quizFeedback" value="end" checked={v.quizFeedback === 'end'} onChange={() => set('quizFeedback', 'end')} />
          At the end of the quiz
        </label>
        <label className="check">
          <input type="radio" name="quizFeedback" value="immediate" checked={v.quizFeedback === 'immediate'} onChange={() => set('quizFeedback', 'immediate')} />
          After each question
        </label>
      </fieldset>
    </fieldset>
  );
}
