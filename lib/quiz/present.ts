/**
 * A quiz card as the student sees it, and the grading of a response against what they saw.
 * Options of a multiple-choice question and steps of an ordering question are shown shuffled
 * (seeded per attempt and card), so a response is given in shown indices and mapped back here.
 * Nothing in a presented question tells which answer is right.
 */
import type { CardPayload } from '../content/cards';
import { gradeChoice, gradeOrdering, gradeTrueFalse, gradeTyped, type TypedRule } from './grade';
import { seededPermutation } from './shuffle';
import { storedAcceptedRule } from './typed/accepted-note';

export const QUIZ_TYPES = ['mcq', 'truefalse', 'typed', 'ordering'] as const;
export type QuizType = (typeof QUIZ_TYPES)[number];
export type QuizPayload = Extract<CardPayload, { type: QuizType }>;

/** The longest typed answer we accept. */
export const TYPED_MAX_LENGTH = 500;

export type PresentedQuestion =
  | { type: 'mcq'; prompt: string; options: string[] }
  | { type: 'truefalse'; prompt: string }
  | { type: 'typed'; prompt: string }
  | { type: 'ordering'; prompt: string; steps: string[] };

/** mcq: shown option index; truefalse: boolean; typed: text; ordering: shown step indices in the student's order. */
export type QuizResponse = number | boolean | string | number[];

export interface OptionReview {
  text: string;
  explanation: string;
  correct: boolean;
  chosen: boolean;
}

export interface GradedResponse {
  correct: boolean;
  /** The right answer as display text (ordering: steps joined with arrows). */
  correctAnswer: string;
  /** What the student answered, as display text. */
  responseText: string;
  /** mcq only: every option in the order shown, with its explanation. */
  options?: OptionReview[];
  /** ordering only: the right order and the student's order, step by step. */
  correctSteps?: string[];
  responseSteps?: string[];
  /** typed only: set when a rule (a typo, a number in words, a title…) accepted it; the accepted answer it was taken as. */
  acceptedAs?: string;
  acceptedRule?: TypedRule;
}

/** The seed that fixes the shown order of one question in one attempt. */
export function questionSeed(attemptId: number, cardId: number): string {
  return `quiz:${attemptId}:${cardId}`;
}

export function isQuizPayload(payload: CardPayload): payload is QuizPayload {
  return (QUIZ_TYPES as readonly string[]).includes(payload.type);
}

function permutationFor(payload: QuizPayload, seed: string): number[] {
  if (payload.type === 'mcq') return seededPermutation(seed, payload.options.length);
  if (payload.type === 'ordering') return seededPermutation(seed, payload.steps.length, true);
  return [];
}

/**
 * The question to show: prompt, and options or steps in their seeded order.
 * @example presentQuestion({ type: 'truefalse', statement: 'S', answer: true }, '1:2') // { type: 'truefalse', prompt: 'S' }
 */
export function presentQuestion(payload: QuizPayload, seed: string): PresentedQuestion {
  const perm = permutationFor(payload, seed);
  switch (payload.type) {
    case 'mcq':
      return { type: 'mcq', prompt: payload.question, options: perm.map((i) => payload.options[i]?.text ?? '') };
    case 'truefalse':
      return { type: 'truefalse', prompt: payload.statement };
    case 'typed':
      return { type: 'typed', prompt: payload.question };
    case 'ordering':
      return { type: 'ordering', prompt: payload.prompt, steps: perm.map((i) => payload.steps[i] ?? '') };
  }
}

function isPermutation(values: readonly number[], n: number): boolean {
  if (values.length !== n) return false;
  const seen = new Set(values);
  return seen.size === n && values.every((v) => Number.isInteger(v) && v >= 0 && v < n);
}

/** Whether a response has the right shape for this question (type, range, length). */
export function isValidResponse(payload: QuizPayload, response: unknown): response is QuizResponse {
  switch (payload.type) {
    case 'mcq':
      return typeof response === 'number' && Number.isInteger(response) && response >= 0 && response < payload.options.length;
    case 'truefalse':
      return typeof response === 'boolean';
    case 'typed':
      return typeof response === 'string' && response.length <= TYPED_MAX_LENGTH;
    case 'ordering':
      return Array.isArray(response) && response.every((v) => typeof v === 'number') && isPermutation(response, payload.steps.length);
  }
}

/**
 * Grades a response given in shown indices. Returns null if the response has the wrong shape.
 * @example gradeResponse({ type: 'truefalse', statement: 'S', answer: true }, '1:2', false)?.correct // false
 */
export function gradeResponse(payload: QuizPayload, seed: string, response: unknown): GradedResponse | null {
  if (!isValidResponse(payload, response)) return null;
  const perm = permutationFor(payload, seed);
  switch (payload.type) {
    case 'mcq': {
      const chosen = perm[response as number] as number;
      const correctIndex = payload.options.findIndex((o) => o.correct);
      const options = perm.map((i) => {
        const o = payload.options[i];
        return { text: o?.text ?? '', explanation: o?.explanation ?? '', correct: o?.correct ?? false, chosen: i === chosen };
      });
      return {
        correct: gradeChoice(chosen, correctIndex).correct,
        correctAnswer: payload.options[correctIndex]?.text ?? '',
        responseText: payload.options[chosen]?.text ?? '',
        options,
      };
    }
    case 'truefalse':
      return {
        correct: gradeTrueFalse(response as boolean, payload.answer).correct,
        correctAnswer: payload.answer ? 'True' : 'False',
        responseText: response ? 'True' : 'False',
      };
    case 'typed': {
      const graded = gradeTyped(response as string, payload.answers, payload.question);
      return {
        correct: graded.correct,
        correctAnswer: payload.answers[0] ?? '',
        responseText: (response as string).trim(),
        ...(graded.acceptedAs && graded.rule ? { acceptedAs: graded.acceptedAs, acceptedRule: graded.rule } : {}),
      };
    }
    case 'ordering': {
      const order = (response as number[]).map((shown) => perm[shown] as number);
      const responseSteps = order.map((i) => payload.steps[i] ?? '');
      return {
        correct: gradeOrdering(order, payload.steps.length).correct,
        correctAnswer: payload.steps.join(' → '),
        responseText: responseSteps.join(' → '),
        correctSteps: [...payload.steps],
        responseSteps,
      };
    }
  }
}

/** The verdict stored with an answer when it was given (quiz_answers: correct, accepted_as, accepted_rule). */
export interface StoredVerdict {
  correct: boolean;
  acceptedAs: string | null;
  acceptedRule: string | null;
}

/**
 * A stored answer's feedback says what it was told when answered: its verdict and, for a typed
 * answer, the rule that accepted it, not what today's checker (or today's accepted answers) would
 * make of it, so a later change never rewrites an old attempt's verdict beside its stored score.
 * @example withStoredVerdict(gradeResponse(p, seed, 'three decades')!, { correct: true, acceptedAs: '30 years', acceptedRule: 'number' })
 */
export function withStoredVerdict(graded: GradedResponse, stored: StoredVerdict): GradedResponse {
  const { acceptedAs: _as, acceptedRule: _rule, ...rest } = graded;
  const rule = storedAcceptedRule(stored.acceptedRule);
  return { ...rest, correct: stored.correct, ...(stored.correct && rule && stored.acceptedAs ? { acceptedAs: stored.acceptedAs, acceptedRule: rule } : {}) };
}

/**
 * The right answer of a question that was not answered, shaped like a graded response
 * (not correct, empty response), for the results of a quiz finished early.
 */
export function revealAnswer(payload: QuizPayload, seed: string): GradedResponse {
  const perm = permutationFor(payload, seed);
  switch (payload.type) {
    case 'mcq': {
      const options = perm.map((i) => payload.options[i]).filter((o) => o !== undefined);
      return {
        correct: false,
        correctAnswer: payload.options.find((o) => o.correct)?.text ?? '',
        responseText: '',
        options: options.map((o) => ({ text: o.text, explanation: o.explanation, correct: o.correct, chosen: false })),
      };
    }
    case 'truefalse':
      return { correct: false, correctAnswer: payload.answer ? 'True' : 'False', responseText: '' };
    case 'typed':
      return { correct: false, correctAnswer: payload.answers[0] ?? '', responseText: '' };
    case 'ordering':
      return { correct: false, correctAnswer: payload.steps.join(' → '), responseText: '', correctSteps: [...payload.steps] };
  }
}
