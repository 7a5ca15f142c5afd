/**
 * A student's quiz attempts on an assignment's deck, for the instructor's student detail page:
 * attempts of the assignment's own quiz (the ones that count toward its goal) and practice quizzes
 * (which never count), each with every answer as the student gave it, whether it was right, and
 * any overrule request on it. Callers must already have checked that the instructor teaches a
 * class the student is enrolled in (db/queries/student-detail.ts).
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { flag, int, jsonText } from '@/db/engine/rows';
import type { Queryable } from '@/db/engine/types';
import { assignmentQuizAttempts, quizAnswers, quizAttempts, quizOverrules } from '@/db/schema';
import { idList } from '@/db/json-column';
import { presentQuestion, questionSeed, revealAnswer } from '@/lib/quiz/present';
import { answersIn, feedbackFor, quizCardsIn } from './quiz-data';

export type AttemptKind = 'assignment' | 'practice';
export type OverruleStatus = 'pending' | 'accepted' | 'declined';

export interface AttemptAnswer {
  position: number;
  prompt: string;
  type: string;
  answered: boolean;
  correct: boolean;
  /** What the student chose or typed, as display text; null when not answered. */
  response: string | null;
  correctAnswer: string;
  /** Set when a rule accepted a typed answer as one of the accepted ones. */
  acceptedAs: string | null;
  overrule: OverruleStatus | null;
}

export interface StudentAttempt {
  id: number;
  kind: AttemptKind;
  startedAt: number;
  finishedAt: number | null;
  correctCount: number;
  questionCount: number;
  answers: AttemptAnswer[];
}

const attemptRow = z.object({
  id: int,
  startedAt: int,
  finishedAt: int.nullable(),
  correctCount: int,
  questionCount: int,
  cardIds: jsonText(idList),
  ofAssignment: flag,
});

// This assignment's quiz attempts and the practice ones (no assignment row at all); an attempt of
// another assignment's quiz on the same deck belongs to that assignment.
function attemptsOf(q: Queryable, studentId: number, assignmentId: number, deckId: string) {
  const ofThis = sql`EXISTS (SELECT 1 FROM ${assignmentQuizAttempts} WHERE ${assignmentQuizAttempts.attemptId} = ${quizAttempts.id} AND ${assignmentQuizAttempts.assignmentId} = ${assignmentId})`;
  return q.all(
    sql`SELECT ${quizAttempts.id} AS "id", ${quizAttempts.startedAt} AS "startedAt", ${quizAttempts.finishedAt} AS "finishedAt",
          ${quizAttempts.correctCount} AS "correctCount", ${quizAttempts.questionCount} AS "questionCount",
          ${q.fragments.jsonText(quizAttempts.cardIds)} AS "cardIds", ${ofThis} AS "ofAssignment"
        FROM ${quizAttempts}
        WHERE ${quizAttempts.userId} = ${studentId} AND ${quizAttempts.deckId} = ${deckId}
          AND (${ofThis} OR NOT EXISTS (SELECT 1 FROM ${assignmentQuizAttempts} WHERE ${assignmentQuizAttempts.attemptId} = ${quizAttempts.id}))
        ORDER BY ${quizAttempts.startedAt} DESC, ${quizAttempts.id} DESC`,
    attemptRow,
  );
}

async function answersOfAttempt(q: Queryable, attemptId: number, cardIds: number[]): Promise<AttemptAnswer[]> {
  const [cards, answers, overruleRows] = await Promise.all([
    quizCardsIn(q, cardIds),
    answersIn(q, attemptId),
    q.all(
      sql`SELECT ${quizAnswers.cardId} AS "cardId", ${quizOverrules.status} AS "status"
          FROM ${quizAnswers} JOIN ${quizOverrules} ON ${quizOverrules.quizAnswerId} = ${quizAnswers.id} WHERE ${quizAnswers.attemptId} = ${attemptId}`,
      z.object({ cardId: int, status: z.enum(['pending', 'accepted', 'declined']) }),
    ),
  ]);
  const overrules = new Map(overruleRows.map((o) => [o.cardId, o.status]));
  return cardIds.flatMap((cardId, position): AttemptAnswer[] => {
    const card = cards.get(cardId);
    if (!card) return [];
    const seed = questionSeed(attemptId, cardId);
    const answer = answers.get(cardId);
    // The verdict stored with the answer, as the student and the dashboard saw it.
    const graded = answer ? feedbackFor(attemptId, card, answer.response, answer) : null;
    return [
      {
        position,
        prompt: presentQuestion(card.payload, seed).prompt,
        type: card.payload.type,
        answered: answer !== undefined,
        correct: answer?.correct ?? false,
        response: graded ? graded.responseText : null,
        correctAnswer: (graded ?? revealAnswer(card.payload, seed)).correctAnswer,
        acceptedAs: graded?.acceptedAs ?? null,
        overrule: overrules.get(cardId) ?? null,
      },
    ];
  });
}

/** Newest first. */
export async function studentAttempts(studentId: number, assignmentId: number, deckId: string): Promise<StudentAttempt[]> {
  const db = await engine();
  const rows = await attemptsOf(db, studentId, assignmentId, deckId);
  return Promise.all(
    rows.map(async ({ cardIds, ofAssignment, ...a }) => ({ ...a, kind: ofAssignment ? ('assignment' as const) : ('practice' as const), answers: await answersOfAttempt(db, a.id, cardIds) })),
  );
}
