/**
 * An assignment's own quiz (issue 16): which sections it draws from, how many questions, of which
 * types, how many attempts a student may take and when answers are shown. Only attempts of this
 * quiz count toward the assignment's quiz goal; a practice quiz never does.
 */
import { QUIZ_TYPES, type QuizType } from '../quiz/present';
import { plural } from '../text/plural';

export const ASSIGNMENT_QUIZ_BOUNDS = {
  questions: { min: 1, max: 50, default: 10 },
  attempts: { min: 1, max: 20 },
} as const;

export interface AssignmentQuizSpec {
  /** Sections to draw from; null = the assignment's own sections. */
  sectionKeys: string[] | null;
  /** Questions per attempt; null = every matching question. */
  questions: number | null;
  /** Question types; null = every quiz type. */
  types: QuizType[] | null;
  /** Attempts each student may take; null = no limit. */
  attempts: number | null;
  feedback: 'immediate' | 'end';
}

export const DEFAULT_ASSIGNMENT_QUIZ: AssignmentQuizSpec = {
  sectionKeys: null,
  questions: ASSIGNMENT_QUIZ_BOUNDS.questions.default,
  types: null,
  attempts: null,
  feedback: 'end',
};

export const QUIZ_TYPE_LABELS: Record<QuizType, string> = {
  mcq: 'Multiple choice',
  truefalse: 'True or false',
  typed: 'Typed answer',
  ordering: 'Put in order',
};

export function isQuizType(value: string): value is QuizType {
  return (QUIZ_TYPES as readonly string[]).includes(value);
}

/** The sections the quiz draws from: its own, else the assignment's (null = the whole deck). */
export function quizSections(spec: Pick<AssignmentQuizSpec, 'sectionKeys'>, assignmentSections: string[] | null): string[] | null {
  return spec.sectionKeys ?? assignmentSections;
}

/**
 * Attempts left, or null when there is no limit.
 * @example attemptsLeft({ attempts: 3 }, 1) // 2
 */
export function attemptsLeft(spec: Pick<AssignmentQuizSpec, 'attempts'>, used: number): number | null {
  return spec.attempts === null ? null : Math.max(0, spec.attempts - used);
}

/**
 * The quiz in one line, for the assignment list and Today.
 * @example quizSpecText({ sectionKeys: null, questions: 10, types: null, attempts: 2, feedback: 'end' }, 12) // '10 questions · 2 attempts · answers at the end'
 */
export function quizSpecText(spec: AssignmentQuizSpec, available?: number): string {
  const every = available === undefined ? 'every question' : available === 1 ? '1 question' : `all ${plural(available, 'question')}`;
  const count = spec.questions === null ? every : plural(available === undefined ? spec.questions : Math.min(spec.questions, available), 'question');
  const parts = [count];
  if (spec.types !== null) parts.push(spec.types.map((t) => QUIZ_TYPE_LABELS[t].toLowerCase()).join(', '));
  parts.push(spec.attempts === null ? 'any number of attempts' : plural(spec.attempts, 'attempt'));
  parts.push(spec.feedback === 'end' ? 'answers at the end' : 'answers after each question');
  return parts.join(' · ');
}

/** The quiz as the assignment form holds it (strings as typed). */
export interface QuizFieldValues {
  quizScope: 'assignment' | 'sections';
  quizSectionKeys: string[];
  quizAll: boolean;
  quizQuestions: string;
  quizTypes: QuizType[];
  quizAttempts: string;
  quizFeedback: 'immediate' | 'end';
}

/** The form's starting values for a quiz. */
export function quizFieldValues(spec: AssignmentQuizSpec): QuizFieldValues {
  return {
    quizScope: spec.sectionKeys === null ? 'assignment' : 'sections',
    quizSectionKeys: spec.sectionKeys ?? [],
    quizAll: spec.questions === null,
    quizQuestions: spec.questions === null ? String(ASSIGNMENT_QUIZ_BOUNDS.questions.default) : String(spec.questions),
    quizTypes: spec.types ?? [...QUIZ_TYPES],
    quizAttempts: spec.attempts === null ? '' : String(spec.attempts),
    quizFeedback: spec.feedback,
  };
}
