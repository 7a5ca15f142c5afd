import { describe, expect, it } from 'vitest';
import { isObjective, loadAnswerChecker } from '@/lib/review/answer-checker';
import { checkAnswer } from '@/lib/review/check-answer';

describe('checking answers to objective cards on the device', () => {
  const mcq = { type: 'mcq' as const, question: 'Q', options: [{ text: 'A', correct: false, explanation: 'no' }, { text: 'B', correct: true, explanation: 'yes' }, { text: 'C', correct: false, explanation: 'no' }] };

  it('grades a choice by the original option index, whatever order it was shown in', () => {
    expect(checkAnswer(mcq, { kind: 'choice', index: 1 })).toEqual({ correct: true, expected: 'B' });
    expect(checkAnswer(mcq, { kind: 'choice', index: 2 })).toEqual({ correct: false, expected: 'B' });
  });

  it('accepts typed answers tolerantly and says what a rule accepted them as', () => {
    const typed = { type: 'typed' as const, question: 'Who?', answers: ['Kassym-Jomart Tokayev', 'Tokayev'] };
    expect(checkAnswer(typed, { kind: 'typed', text: 'tokayev' })).toEqual({ correct: true, expected: 'Kassym-Jomart Tokayev' });
    expect(checkAnswer(typed, { kind: 'typed', text: 'Tokayv' })).toEqual({ correct: true, rule: 'typo', acceptedAs: 'Tokayev', expected: 'Kassym-Jomart Tokayev' });
    expect(checkAnswer(typed, { kind: 'typed', text: 'President Tokayev' })).toMatchObject({ correct: true, rule: 'title', acceptedAs: 'Tokayev' });
    expect(checkAnswer(typed, { kind: 'typed', text: 'Pashinyan' })).toEqual({ correct: false, expected: 'Kassym-Jomart Tokayev' });
  });

  it('uses the question: a noun it implies may be added', () => {
    const typed = { type: 'typed' as const, question: 'How many troops arrived?', answers: ['2,500'] };
    expect(checkAnswer(typed, { kind: 'typed', text: 'about 2,500 troops' })).toMatchObject({ correct: true, rule: 'number', acceptedAs: '2,500' });
    expect(checkAnswer(typed, { kind: 'typed', text: '3,000 troops' }).correct).toBe(false);
  });

  it('requires every step of an ordering in place', () => {
    const ordering = { type: 'ordering' as const, prompt: 'Order', steps: ['one', 'two', 'three'] };
    expect(checkAnswer(ordering, { kind: 'ordering', order: [0, 1, 2] }).correct).toBe(true);
    expect(checkAnswer(ordering, { kind: 'ordering', order: [1, 0, 2] })).toEqual({ correct: false, expected: 'one → two → three' });
  });

  it('grades true/false and refuses an answer of the wrong kind', () => {
    const tf = { type: 'truefalse' as const, statement: 'S', answer: false };
    expect(checkAnswer(tf, { kind: 'truefalse', value: false }).correct).toBe(true);
    expect(checkAnswer(tf, { kind: 'choice', index: 0 }).correct).toBe(false);
    expect(isObjective('cloze')).toBe(false);
    expect(isObjective('ordering')).toBe(true);
  });

  it('loads the same checker on demand, once', async () => {
    const first = loadAnswerChecker();
    expect(await first).toBe(checkAnswer);
    expect(loadAnswerChecker()).toBe(first);
  });
});
