/**
 * Objective grading of quiz answers (multiple choice, true/false, typed,
 * ordering) and the FSRS grade a quiz result suggests.
 */
import { checkTyped, type TypedVerdict } from './typed/check-typed';

export type { TypedRule, TypedVerdict as TypedGrade } from './typed/check-typed';
export { allowedTypos } from './typed/check-typed';

export interface OrderingGrade {
  correct: boolean;
  positionsCorrect: number;
  /** Fraction of steps in the right place, 0..1. */
  score: number;
}

/**
 * Multiple choice: correct when the selected option is the correct one
 * (null/undefined = no answer = wrong).
 * @example gradeChoice(2, 2) // { correct: true }
 */
export function gradeChoice(selectedIndex: number | null | undefined, correctIndex: number): { correct: boolean } {
  return { correct: selectedIndex !== null && selectedIndex !== undefined && selectedIndex === correctIndex };
}

/**
 * True/false question.
 * @example gradeTrueFalse(false, false) // { correct: true }
 */
export function gradeTrueFalse(answer: boolean | null | undefined, expected: boolean): { correct: boolean } {
  return { correct: typeof answer === 'boolean' && answer === expected };
}

/**
 * Typed answer against the accepted answers, with the question for context (the nouns and years
 * it implies): see typed/check-typed.ts for the rules.
 * @example gradeTyped('kassym jomart tokayev', ['Kassym-Jomart Tokayev']) // { correct: true, matched: 'Kassym-Jomart Tokayev', rule: 'exact' }
 * @example gradeTyped('2,400', ['2500']) // { correct: false }
 */
export function gradeTyped(input: string, accepted: readonly string[], question = ''): TypedVerdict {
  return checkTyped(input, accepted, question);
}

/**
 * Ordering question: `submitted[i]` is the index (in the correct order) of the
 * step the learner put at position i. Correct only if it is exactly
 * [0, 1, …, stepCount − 1].
 * @example gradeOrdering([0, 2, 1, 3], 4) // { correct: false, positionsCorrect: 2, score: 0.5 }
 */
export function gradeOrdering(submitted: readonly number[], stepCount: number): OrderingGrade {
  let positionsCorrect = 0;
  for (let i = 0; i < Math.min(submitted.length, stepCount); i++) {
    if (submitted[i] === i) positionsCorrect++;
  }
  const correct = submitted.length === stepCount && positionsCorrect === stepCount;
  const score = stepCount > 0 ? positionsCorrect / stepCount : correct ? 1 : 0;
  return { correct, positionsCorrect, score };
}

/**
 * FSRS grade suggested by an objective result: wrong → Again (1), right → Good (3).
 * @example suggestedGrade(false) // 1
 */
export function suggestedGrade(correct: boolean): 1 | 3 {
  return correct ? 3 : 1;
}
