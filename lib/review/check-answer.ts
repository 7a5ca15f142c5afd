/** Grades an answer to an objective card on the device (the review screen shows the answer anyway). */
import type { CardPayload } from '@/lib/content/cards';
import { gradeOrdering, gradeTrueFalse, gradeTyped, type TypedRule } from '@/lib/quiz/grade';

export type ObjectiveAnswer = { kind: 'choice'; index: number } | { kind: 'truefalse'; value: boolean } | { kind: 'typed'; text: string } | { kind: 'ordering'; order: number[] };

export interface CheckResult {
  correct: boolean;
  /** The right answer in words, for the feedback line. */
  expected: string;
  /** Typed answers accepted by a rule rather than exactly: which rule, and the accepted answer it was taken as. */
  rule?: TypedRule;
  acceptedAs?: string;
}

export function checkAnswer(payload: CardPayload, answer: ObjectiveAnswer): CheckResult {
  if (payload.type === 'mcq' && answer.kind === 'choice') {
    const right = payload.options.findIndex((o) => o.correct);
    return { correct: answer.index === right, expected: payload.options[right]?.text ?? '' };
  }
  if (payload.type === 'truefalse' && answer.kind === 'truefalse') {
    return { correct: gradeTrueFalse(answer.value, payload.answer).correct, expected: payload.answer ? 'True' : 'False' };
  }
  if (payload.type === 'typed' && answer.kind === 'typed') {
    const g = gradeTyped(answer.text, payload.answers, payload.question);
    return { correct: g.correct, expected: payload.answers[0] ?? '', ...(g.rule && g.acceptedAs ? { rule: g.rule, acceptedAs: g.acceptedAs } : {}) };
  }
  if (payload.type === 'ordering' && answer.kind === 'ordering') {
    // `order` lists original step indices in the order the student placed them.
    const g = gradeOrdering(answer.order, payload.steps.length);
    return { correct: g.correct, expected: payload.steps.join(' → ') };
  }
  return { correct: false, expected: '' };
}
