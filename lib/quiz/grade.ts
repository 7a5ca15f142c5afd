/**
 * Objective grading of quiz answers (multiple choice, true/false, typed,
 * ordering) and the FSRS grade a quiz result suggests.
 */
import { isPureNumber, levenshtein, normaliseAnswer, numberTokens } from './normalise';

export type Closeness = 'exact' | 'tolerant' | 'wrong';

export interface TypedGrade {
  correct: boolean;
  /** The accepted answer (as written by the author) that matched. */
  matched?: string;
  /** 'exact': equal after normalisation; 'tolerant': accepted with a small typo. */
  closeness: Closeness;
}

export interface OrderingGrade {
  correct: boolean;
  positionsCorrect: number;
  /** Fraction of steps in the right place, 0..1. */
  score: number;
}

/**
 * Typos allowed for a normalised accepted answer of this length (code points):
 * 0 up to 4, 1 for 5–8, 2 above 8.
 * @example allowedTypos(7) // 1
 */
export function allowedTypos(length: number): number {
  if (length > 8) return 2;
  if (length >= 5) return 1;
  return 0;
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
 * Typed answer against the accepted answers. Normalised equality is 'exact';
 * otherwise a small Levenshtein distance is 'tolerant' (1 typo for 5–8
 * characters, 2 above 8), but only if every number in the answer matches
 * exactly (pure numbers get no tolerance at all).
 * @example gradeTyped('kassym jomart tokayev', ['Kassym-Jomart Tokayev']) // { correct: true, closeness: 'exact', matched: 'Kassym-Jomart Tokayev' }
 * @example gradeTyped('2,400', ['2500']) // { correct: false, closeness: 'wrong' }
 */
export function gradeTyped(input: string, accepted: readonly string[]): TypedGrade {
  const given = normaliseAnswer(input);
  if (given === '') return { correct: false, closeness: 'wrong' };
  const candidates = accepted
    .map((raw) => ({ raw, norm: normaliseAnswer(raw) }))
    .filter((c) => c.norm !== '');

  const exact = candidates.find((c) => c.norm === given);
  if (exact) return { correct: true, matched: exact.raw, closeness: 'exact' };

  const givenNumbers = numberTokens(given).join(' ');
  let best: { raw: string; distance: number } | null = null;
  for (const c of candidates) {
    if (isPureNumber(c.norm) || isPureNumber(given)) continue;
    if (numberTokens(c.norm).join(' ') !== givenNumbers) continue;
    const max = allowedTypos(Array.from(c.norm).length);
    if (max === 0) continue;
    const distance = levenshtein(given, c.norm, max);
    if (distance <= max && (best === null || distance < best.distance)) best = { raw: c.raw, distance };
  }
  if (best) return { correct: true, matched: best.raw, closeness: 'tolerant' };
  return { correct: false, closeness: 'wrong' };
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
