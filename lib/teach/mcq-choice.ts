/**
 * Which option of a multiple-choice card a stored quiz answer chose, in the card's own option
 * order. The quiz module shows options shuffled per attempt and card and stores the response as
 * the SHOWN index (a bare JSON number); the order is `seededPermutation(questionSeed(attemptId,
 * cardId), optionCount)` with `perm[shown] = original` (lib/quiz/present.ts, lib/quiz/shuffle.ts).
 */
import { questionSeed } from '@/lib/quiz/present';
import { seededPermutation } from '@/lib/quiz/shuffle';

/** The quiz module's own seed, so the analytics always read answers the way the quiz showed them. */
export const quizQuestionSeed = questionSeed;

/**
 * The original option index behind a stored response, or null if the response is not a shown index.
 * @example originalChoice(JSON.parse('2'), 17, 42, 4) // the option at shown position 2 in attempt 17
 */
export function originalChoice(response: unknown, attemptId: number, cardId: number, optionCount: number): number | null {
  if (typeof response !== 'number' || !Number.isInteger(response) || response < 0 || response >= optionCount) return null;
  return seededPermutation(quizQuestionSeed(attemptId, cardId), optionCount)[response] ?? null;
}

/**
 * The shown index a student would have clicked to choose original option `original` (for tests and fixtures).
 * @example shownIndexOf(1, 17, 42, 4) // position of option 1 in attempt 17's shuffled order
 */
export function shownIndexOf(original: number, attemptId: number, cardId: number, optionCount: number): number {
  return seededPermutation(quizQuestionSeed(attemptId, cardId), optionCount).indexOf(original);
}
