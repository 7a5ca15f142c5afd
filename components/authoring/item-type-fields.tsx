'use client';
/** The fields that differ between item types; the item editor holds the state. */
import { useRef } from 'react';
import { Field } from '@/components/ui/field';
import { MCQ_MAX_OPTIONS, MCQ_MIN_OPTIONS, type ItemDraft } from '@/lib/content/item-form';
import { FieldErrors, TextAreaField } from './form-controls';
import { TryAnswer } from './try-answer';

export interface TypeFieldsProps {
  draft: ItemDraft;
  set: (patch: Partial<ItemDraft>) => void;
  errors: Record<string, string[] | undefined>;
}

/** Field-error keys each type renders next to a field; the editor lists any others at the top. */
export function typeFieldKeys(draft: ItemDraft): string[] {
  switch (draft.type) {
    case 'basic':
      return ['front', 'back'];
    case 'cloze':
      return ['text'];
    case 'mcq':
      return ['question', 'options', 'correctOption', ...draft.options.flatMap((_o, i) => [`options.${i}.text`, `options.${i}.explanation`])];
    case 'truefalse':
      return ['statement', 'answer'];
    case 'typed':
      return ['question', 'answers', 'examplesAccept', 'examplesReject'];
    case 'ordering':
      return ['prompt', 'steps'];
  }
}

export function ItemTypeFields(props: TypeFieldsProps) {
  switch (props.draft.type) {
    case 'basic':
      return <BasicFields {...props} />;
    case 'cloze':
      return <ClozeFields {...props} />;
    case 'mcq':
      return <McqFields {...props} />;
    case 'truefalse':
      return <TrueFalseFields {...props} />;
    case 'typed':
      return <TypedFields {...props} />;
    case 'ordering':
      return <OrderingFields {...props} />;
  }
}

function BasicFields({ draft, set, errors }: TypeFieldsProps) {
  return (
    <>
      <TextAreaField name="front" label="Front (question)" rows={2} value={draft.front} onChange={(e) => set({ front: e.target.value })} errors={errors.front} />
      <TextAreaField name="back" label="Back (answer)" rows={2} value={draft.back} onChange={(e) => set({ back: e.target.value })} errors={errors.back} />
    </>
  );
}

function ClozeFields({ draft, set, errors }: TypeFieldsProps) {
  const area = useRef<HTMLTextAreaElement>(null);
  // Wraps the selected words in the next free deletion number, as Anki's cloze button does.
  const addBlank = () => {
    const el = area.current;
    if (!el) return;
    const used = [...draft.text.matchAll(/\{\{c(\d+)::/g)].map((m) => Number(m[1]));
    const n = Math.max(0, ...used) + 1;
    const { selectionStart: start, selectionEnd: end } = el;
    const inner = draft.text.slice(start, end) || 'answer';
    set({ text: `${draft.text.slice(0, start)}{{c${n}::${inner}}}${draft.text.slice(end)}` });
    el.focus();
  };
  return (
    <div className="stack-tight">
      <TextAreaField
        ref={area}
        name="text"
        label="Cloze text"
        rows={4}
        value={draft.text}
        onChange={(e) => set({ text: e.target.value })}
        errors={errors.text}
        hint={
          <>
            Hide words with <code>{'{{c1::answer}}'}</code>, or <code>{'{{c1::answer::hint}}'}</code> to show a hint. Each number is one card; the same number
            twice hides both on one card.
          </>
        }
      />
      <div>
        <button type="button" className="btn btn-small" onClick={addBlank}>
          Hide selected words
        </button>
      </div>
    </div>
  );
}

function McqFields({ draft, set, errors }: TypeFieldsProps) {
  const setOption = (i: number, patch: Partial<ItemDraft['options'][number]>) =>
    set({ options: draft.options.map((o, j) => (j === i ? { ...o, ...patch } : o)) });
  const remove = (i: number) =>
    set({
      options: draft.options.filter((_o, j) => j !== i),
      correctOption: draft.correctOption === i ? -1 : draft.correctOption > i ? draft.correctOption - 1 : draft.correctOption,
    });
  const optionErrors = [...(errors.options ?? []), ...(errors.correctOption ?? [])];
  return (
    <>
      <TextAreaField name="question" label="Question" rows={2} value={draft.question} onChange={(e) => set({ question: e.target.value })} errors={errors.question} />
      <fieldset className="fieldset" aria-describedby={optionErrors.length ? 'options-error' : undefined}>
        <legend>Options</legend>
        <p className="hint">
          {MCQ_MIN_OPTIONS} to {MCQ_MAX_OPTIONS} options; mark exactly one correct. Every option needs an explanation, shown after answering: say why a wrong one is wrong.
        </p>
        <FieldErrors id="options-error" errors={optionErrors} />
        {draft.options.map((option, i) => (
          <div className="option-editor" key={i} data-testid={`option-${i + 1}`}>
            <div className="row option-head">
              <label className="choice">
                <input type="radio" name="correctOption" value={i} checked={draft.correctOption === i} onChange={() => set({ correctOption: i })} />
                Option {i + 1} is correct
              </label>
              {draft.options.length > MCQ_MIN_OPTIONS && (
                <button type="button" className="btn btn-small" onClick={() => remove(i)} aria-label={`Remove option ${i + 1}`}>
                  Remove
                </button>
              )}
            </div>
            <Field id={`option-${i}-text`} name={`options.${i}.text`} label={`Option ${i + 1}`} value={option.text} onChange={(e) => setOption(i, { text: e.target.value })} errors={errors[`options.${i}.text`]} />
            <TextAreaField
              id={`option-${i}-explanation`}
              name={`options.${i}.explanation`}
              label={`Explanation for option ${i + 1}`}
              rows={2}
              value={option.explanation}
              onChange={(e) => setOption(i, { explanation: e.target.value })}
              errors={errors[`options.${i}.explanation`]}
            />
          </div>
        ))}
        {draft.options.length < MCQ_MAX_OPTIONS && (
          <div>
            <button type="button" className="btn btn-small" onClick={() => set({ options: [...draft.options, { text: '', explanation: '' }] })}>
              Add option
            </button>
          </div>
        )}
      </fieldset>
    </>
  );
}

function TrueFalseFields({ draft, set, errors }: TypeFieldsProps) {
  return (
    <>
      <TextAreaField name="statement" label="Statement" rows={2} value={draft.statement} onChange={(e) => set({ statement: e.target.value })} errors={errors.statement} />
      <fieldset className="fieldset" aria-describedby={errors.answer?.length ? 'answer-error' : undefined}>
        <legend>The statement is</legend>
        <div className="row">
          {(['true', 'false'] as const).map((v) => (
            <label className="choice" key={v}>
              <input type="radio" name="answer" value={v} checked={draft.answer === v} onChange={() => set({ answer: v })} />
              {v === 'true' ? 'True' : 'False'}
            </label>
          ))}
        </div>
        <FieldErrors id="answer-error" errors={errors.answer} />
      </fieldset>
    </>
  );
}

function TypedFields({ draft, set, errors }: TypeFieldsProps) {
  return (
    <>
      <TextAreaField name="question" label="Question" rows={2} value={draft.question} onChange={(e) => set({ question: e.target.value })} errors={errors.question} />
      <TextAreaField
        name="answers"
        label="Accepted answers (one per line)"
        rows={3}
        value={draft.answers}
        onChange={(e) => set({ answers: e.target.value })}
        errors={errors.answers}
        hint="The first is shown as the answer. Case, accents, punctuation, small typos, titles, number words and date formats are forgiven, so list only real alternatives."
      />
      <TextAreaField
        name="examplesAccept"
        label="Answers that must count as right (optional, one per line)"
        rows={2}
        value={draft.examplesAccept}
        onChange={(e) => set({ examplesAccept: e.target.value })}
        errors={errors.examplesAccept}
        hint="Fair ways a student might write it, such as “2,500 troops” or “President Tokayev”. The content check tries each one."
      />
      <TextAreaField
        name="examplesReject"
        label="Answers that must count as wrong (optional, one per line)"
        rows={2}
        value={draft.examplesReject}
        onChange={(e) => set({ examplesReject: e.target.value })}
        errors={errors.examplesReject}
      />
      <TryAnswer question={draft.question} answers={draft.answers} examplesAccept={draft.examplesAccept} examplesReject={draft.examplesReject} />
    </>
  );
}

function OrderingFields({ draft, set, errors }: TypeFieldsProps) {
  return (
    <>
      <TextAreaField name="prompt" label="Prompt" rows={2} value={draft.prompt} onChange={(e) => set({ prompt: e.target.value })} errors={errors.prompt} />
      <TextAreaField
        name="steps"
        label="Steps (one per line, in the correct order)"
        rows={5}
        value={draft.steps}
        onChange={(e) => set({ steps: e.target.value })}
        errors={errors.steps}
        hint="At least 3, all different. Students see them shuffled."
      />
    </>
  );
}
