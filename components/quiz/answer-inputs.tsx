'use client';
/**
 * How a student answers each kind of quiz question: big radio options for multiple choice, two
 * buttons for true/false, a text box for typed answers, and a list with up/down buttons for
 * ordering (keyboard and touch friendly, no drag and drop). Each reports a response in the
 * indices it was shown; the server maps them back and grades.
 */
import { useRef, useState } from 'react';
import type { PresentedQuestion, QuizResponse } from '@/lib/quiz/present';

export interface AnswerInputProps<Q extends PresentedQuestion> {
  question: Q;
  promptId: string;
  pending: boolean;
  submitLabel: string;
  onAnswer: (response: QuizResponse) => void;
}

export function ChoiceInput({ question, promptId, pending, submitLabel, onAnswer }: AnswerInputProps<Extract<PresentedQuestion, { type: 'mcq' }>>) {
  const [selected, setSelected] = useState<number | null>(null);
  return (
    <form
      className="quiz-answer"
      onSubmit={(e) => {
        e.preventDefault();
        if (selected !== null) onAnswer(selected);
      }}
    >
      <fieldset className="quiz-options" aria-labelledby={promptId}>
        {question.options.map((text, i) => (
          <label key={i} className="quiz-option" data-selected={selected === i || undefined}>
            <input type="radio" name="option" value={i} checked={selected === i} onChange={() => setSelected(i)} disabled={pending} />
            <span className="quiz-option-letter" aria-hidden="true">
              {String.fromCharCode(65 + i)}
            </span>
            <span>{text}</span>
          </label>
        ))}
      </fieldset>
      <button type="submit" className="btn btn-primary btn-block" disabled={selected === null || pending}>
        {pending ? 'Checking…' : submitLabel}
      </button>
    </form>
  );
}

export function TrueFalseInput({ promptId, pending, onAnswer }: AnswerInputProps<Extract<PresentedQuestion, { type: 'truefalse' }>>) {
  return (
    <div className="quiz-answer">
      <div className="quiz-truefalse" role="group" aria-labelledby={promptId}>
        <button type="button" className="btn quiz-big" disabled={pending} onClick={() => onAnswer(true)}>
          True
        </button>
        <button type="button" className="btn quiz-big" disabled={pending} onClick={() => onAnswer(false)}>
          False
        </button>
      </div>
    </div>
  );
}

export function TypedInput({ promptId, pending, submitLabel, onAnswer }: AnswerInputProps<Extract<PresentedQuestion, { type: 'typed' }>>) {
  const [text, setText] = useState('');
  const inputId = `${promptId}-answer`;
  return (
    <form
      className="quiz-answer"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) onAnswer(text);
      }}
    >
      <div className="field">
        <label htmlFor={inputId}>Your answer</label>
        <input
          id={inputId}
          value={text}
          onChange={(e) => setText(e.target.value)}
          maxLength={500}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          enterKeyHint="done"
          aria-describedby={promptId}
          disabled={pending}
        />
      </div>
      <button type="submit" className="btn btn-primary btn-block" disabled={!text.trim() || pending}>
        {pending ? 'Checking…' : submitLabel}
      </button>
    </form>
  );
}

export function OrderingInput({ question, promptId, pending, submitLabel, onAnswer }: AnswerInputProps<Extract<PresentedQuestion, { type: 'ordering' }>>) {
  const [order, setOrder] = useState(() => question.steps.map((_, i) => i));
  const [moved, setMoved] = useState('');
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const n = order.length;

  function move(from: number, by: -1 | 1) {
    const to = from + by;
    const step = order[from] as number;
    const next = [...order];
    next[from] = next[to] as number;
    next[to] = step;
    setOrder(next);
    setMoved(`“${question.steps[step]}” moved to position ${to + 1} of ${n}.`);
    // Keep focus on the step that moved; at the top or bottom its other button stays usable.
    const stillUsable = (by === -1 && to > 0) || (by === 1 && to < n - 1);
    const key = `${step}:${stillUsable ? by : -by}`;
    requestAnimationFrame(() => buttons.current.get(key)?.focus());
  }

  const ref = (key: string) => (el: HTMLButtonElement | null) => {
    if (el) buttons.current.set(key, el);
    else buttons.current.delete(key);
  };

  return (
    <form
      className="quiz-answer"
      onSubmit={(e) => {
        e.preventDefault();
        onAnswer(order);
      }}
    >
      <p className="hint">Use the arrows to put the steps in order, first at the top.</p>
      <ol className="quiz-steps" aria-labelledby={promptId}>
        {order.map((step, position) => (
          <li key={step} className="quiz-step">
            <span className="quiz-step-number" aria-hidden="true">
              {position + 1}
            </span>
            <span className="quiz-step-text">{question.steps[step]}</span>
            <span className="quiz-step-moves">
              <button type="button" className="btn quiz-move" ref={ref(`${step}:-1`)} disabled={position === 0 || pending} onClick={() => move(position, -1)} aria-label={`Move up: ${question.steps[step]}`}>
                <span aria-hidden="true">↑</span>
              </button>
              <button type="button" className="btn quiz-move" ref={ref(`${step}:1`)} disabled={position === n - 1 || pending} onClick={() => move(position, 1)} aria-label={`Move down: ${question.steps[step]}`}>
                <span aria-hidden="true">↓</span>
              </button>
            </span>
          </li>
        ))}
      </ol>
      <p className="visually-hidden" aria-live="polite">
        {moved}
      </p>
      <button type="submit" className="btn btn-primary btn-block" disabled={pending}>
        {pending ? 'Checking…' : submitLabel}
      </button>
    </form>
  );
}
