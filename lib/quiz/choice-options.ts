/**
 * The options of a choice card in one shape for both kinds, so a stored choice is one number:
 * a multiple-choice card's options in their original order, a true/false card's "True" (0) and
 * "False" (1), the order of the review screen's buttons and digit keys.
 */
import type { CardPayload } from '@/lib/content/cards';

export interface ChoiceOptions {
  texts: string[];
  /** Index of the right option; -1 if a multiple-choice card has none marked (content check forbids it). */
  correctIndex: number;
}

export const TRUE_FALSE_OPTIONS = ['True', 'False'] as const;

/**
 * @example choiceOptions({ type: 'truefalse', statement: 'S', answer: false }) // { texts: ['True', 'False'], correctIndex: 1 }
 * @example choiceOptions({ type: 'typed', question: 'Q', answers: ['a'] }) // null
 */
export function choiceOptions(payload: CardPayload): ChoiceOptions | null {
  if (payload.type === 'mcq') return { texts: payload.options.map((o) => o.text), correctIndex: payload.options.findIndex((o) => o.correct) };
  if (payload.type === 'truefalse') return { texts: [...TRUE_FALSE_OPTIONS], correctIndex: payload.answer ? 0 : 1 };
  return null;
}

/** A true/false answer as an option index of choiceOptions. */
export function trueFalseIndex(value: boolean): 0 | 1 {
  return value ? 0 : 1;
}
