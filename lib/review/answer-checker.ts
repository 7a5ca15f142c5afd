/**
 * The answer checker for objective cards (check-answer.ts, with lib/quiz's grading and text
 * normalisation), loaded on first use instead of with the review page: the first render doesn't
 * need it. The review screen starts loading it as soon as an objective card is shown, so it is
 * there before the student answers; the service worker precaches it with the other static files.
 */
import type { CardPayload } from '@/lib/content/cards';
import type { checkAnswer } from './check-answer';

export type AnswerChecker = typeof checkAnswer;

let loading: Promise<AnswerChecker> | null = null;

/** The checker, loaded once; a failed load (offline before the worker had cached it) is retried next time. */
export function loadAnswerChecker(): Promise<AnswerChecker> {
  loading ??= import('./check-answer').then(
    (m) => m.checkAnswer,
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** Card types whose answer the device checks (the others are revealed and self-graded). */
export function isObjective(type: CardPayload['type']): boolean {
  return type === 'mcq' || type === 'truefalse' || type === 'typed' || type === 'ordering';
}
