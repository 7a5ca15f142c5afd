'use server';
/**
 * Quiz server actions: start an attempt, answer one question, finish. Each goes through
 * authedAction (session + zod); grading and every ownership check happen in db/queries/quizzes.
 */
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { ActionError, authedAction, type FieldErrors } from '@/app/_lib/action';
import { answerQuestion, finishQuiz, QUIZ_COUNT, startQuiz, type AnswerFeedback, type QuizRefusal } from '@/db/queries/quizzes';
import { startAssignmentQuiz } from '@/db/queries/assignment-quiz';
import { now } from '@/lib/clock';
import { TYPED_MAX_LENGTH } from '@/lib/quiz/present';

/** A checkbox group arrives as nothing, one string or several. */
const asList = (value: unknown) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]);

const startSchema = z.object({
  deckId: z.string().min(1).max(200),
  sectionKeys: z.preprocess(asList, z.array(z.string().min(1).max(200)).min(1, 'Choose at least one section.').max(100)),
  count: z.coerce
    .number({ error: 'Enter a number of questions.' })
    .int('Use a whole number.')
    .min(QUIZ_COUNT.min, `Ask for at least ${QUIZ_COUNT.min} question.`)
    .max(QUIZ_COUNT.max, `Ask for at most ${QUIZ_COUNT.max} questions.`),
  feedback: z.enum(['immediate', 'end'], { error: 'Choose when to see the answers.' }),
});

const FIELD_OF: Partial<Record<QuizRefusal, string>> = { unknown_section: 'sectionKeys', no_questions: 'sectionKeys', bad_count: 'count' };

function refusal(reason: QuizRefusal, message: string): never {
  const field = FIELD_OF[reason];
  const fieldErrors: FieldErrors | undefined = field ? { [field]: [message] } : undefined;
  throw new ActionError(fieldErrors ? 'Please correct the highlighted fields.' : message, fieldErrors);
}

export const startQuizAction = authedAction(startSchema, async (input, user) => {
  const out = await startQuiz(user.id, input, now());
  if (!out.ok) refusal(out.reason, out.message);
  redirect(`/quiz/attempt/${out.attemptId}`);
});

const idField = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const answerSchema = z.object({
  attemptId: idField,
  cardId: idField,
  response: z.union([
    z.boolean(),
    z.number().int().min(0).max(99),
    z.string().max(TYPED_MAX_LENGTH, `Keep your answer under ${TYPED_MAX_LENGTH} characters.`),
    z.array(z.number().int().min(0).max(99)).max(50),
  ]),
});

export interface AnswerResult {
  finished: boolean;
  answeredCount: number;
  questionCount: number;
  /** Only when the quiz gives feedback right away; with 'end' the answers wait for the results. */
  feedback: AnswerFeedback | null;
}

export const answerQuestionAction = authedAction(answerSchema, async (input, user): Promise<AnswerResult> => {
  const out = await answerQuestion(user.id, input.attemptId, { cardId: input.cardId, response: input.response }, now());
  if (!out.ok) refusal(out.reason, out.message);
  return {
    finished: out.finished,
    answeredCount: out.answeredCount,
    questionCount: out.questionCount,
    feedback: out.feedbackMode === 'immediate' ? out.feedback : null,
  };
});

export const finishQuizAction = authedAction(z.object({ attemptId: idField }), async (input, user) => {
  const out = await finishQuiz(user.id, input.attemptId, now());
  if (!out.ok) refusal(out.reason, out.message);
  return { correctCount: out.correctCount, questionCount: out.questionCount };
});

/** Starts (or continues) the quiz of an assignment, from Today: one tap, no choices to make. */
export const startAssignmentQuizAction = authedAction(z.object({ assignmentId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) }), async (input, user) => {
  const out = await startAssignmentQuiz(user.id, input.assignmentId, now());
  if (!out.ok) throw new ActionError(out.message);
  redirect(`/quiz/attempt/${out.attemptId}`);
});
