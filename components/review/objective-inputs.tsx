'use client';
/**
 * Answer inputs for the objective card types (choice, true/false, typed, ordering). Each reports
 * an `Answer` once the student commits; grading happens in the session with lib/quiz.
 */
import { useState } from 'react';
import type { CardPayload } from '@/lib/content/cards';
import type { ObjectiveAnswer } from '@/lib/review/check-answer';

type Answer = ObjectiveAnswer;

type Mcq = Extract<CardPayload, { type: 'mcq' }>;
type Ordering = Extract<CardPayload, { type: 'ordering' }>;

export function ChoiceInput({ payload, order, chosen, disabled, onAnswer }: { payload: Mcq; order: number[]; chosen: number | null; disabled: boolean; onAnswer: (a: Answer) => void }) {
  return (
    <div className="options" role="group" aria-label="Options">
      {order.map((optionIndex, i) => {
        const option = payload.options[optionIndex];
        if (!option) return null;
        const state = !disabled ? '' : option.correct ? ' option-correct' : chosen === optionIndex ? ' option-wrong' : '';
        return (
          <button key={optionIndex} type="button" className={`option${state}`} disabled={disabled} aria-pressed={chosen === optionIndex} onClick={() => onAnswer({ kind: 'choice', index: optionIndex })} data-testid="option">
            <span className="option-key" aria-hidden="true">
              {i + 1}
            </span>
            <span>{option.text}</span>
            {disabled && (option.correct || chosen === optionIndex) && <span className="option-note">{option.explanation}</span>}
          </button>
        );
      })}
    </div>
  );
}

export function TrueFalseInput({ chosen, expected, disabled, onAnswer }: { chosen: boolean | null; expected: boolean; disabled: boolean; onAnswer: (a: Answer) => void }) {
  return (
    <div className="options options-2" role="group" aria-label="True or false">
      {[true, false].map((value, i) => {
        const state = !disabled ? '' : value === expected ? ' option-correct' : chosen === value ? ' option-wrong' : '';
        return (
          <button key={String(value)} type="button" className={`option${state}`} disabled={disabled} aria-pressed={chosen === value} onClick={() => onAnswer({ kind: 'truefalse', value })} data-testid={value ? 'answer-true' : 'answer-false'}>
            <span className="option-key" aria-hidden="true">
              {i + 1}
            </span>
            <span>{value ? 'True' : 'False'}</span>
          </button>
        );
      })}
    </div>
  );
}

export function TypedInput({ disabled, onAnswer }: { disabled: boolean; onAnswer: (a: Answer) => void }) {
  const [text, setText] = useState('');
  return (
    <form
      className="typed"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) onAnswer({ kind: 'typed', text });
      }}
    >
      <label htmlFor="typed-answer" className="visually-hidden">
        Your answer
      </label>
      <input id="typed-answer" value={text} onChange={(e) => setText(e.target.value)} disabled={disabled} autoComplete="off" autoCapitalize="off" spellCheck={false} maxLength={200} placeholder="Type your answer" autoFocus />
      <button type="submit" className="btn btn-primary" disabled={disabled || !text.trim()}>
        Check
      </button>
    </form>
  );
}

export function OrderingInput({ payload, initial, disabled, onAnswer }: { payload: Ordering; initial: number[]; disabled: boolean; onAnswer: (a: Answer) => void }) {
  const [order, setOrder] = useState(initial);
  const move = (from: number, to: number) => {
    if (to < 0 || to >= order.length) return;
    const next = [...order];
    [next[from], next[to]] = [next[to] as number, next[from] as number];
    setOrder(next);
  };
  return (
    <div className="ordering">
      <ol>
        {order.map((stepIndex, position) => (
          <li key={stepIndex} className={disabled ? (stepIndex === position ? 'step-correct' : 'step-wrong') : ''}>
            <span className="step-text">{payload.steps[stepIndex]}</span>
            {!disabled && (
              <span className="step-moves">
                <button type="button" className="icon-btn" aria-label={`Move “${payload.steps[stepIndex]}” up`} disabled={position === 0} onClick={() => move(position, position - 1)}>
                  ↑
                </button>
                <button type="button" className="icon-btn" aria-label={`Move “${payload.steps[stepIndex]}” down`} disabled={position === order.length - 1} onClick={() => move(position, position + 1)}>
                  ↓
                </button>
              </span>
            )}
          </li>
        ))}
      </ol>
      {!disabled && (
        <button type="button" className="btn btn-primary btn-block" onClick={() => onAnswer({ kind: 'ordering', order })}>
          Check order
        </button>
      )}
      {disabled && (
        <div className="ordering-solution">
          <p className="small muted">Correct order:</p>
          <ol>
            {payload.steps.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}
