/**
 * A student's quiz attempts on an assignment's deck, for the instructor's student detail page:
 * attempts of the assignment's own quiz (the ones that count toward its goal) and practice quizzes
 * (which never count), each with every answer as the student gave it, whether it was right, and
 * any overrule request on it. Callers must already have checked that the instructor teaches a
 * class the student is enrolled in (db/queries/student-detail.ts).
 */
import 'server-only';
import { db } from '@/db';
import { presentQuestion, questionSeed, revealAnswer } from '@/lib/quiz/present';
import { idList, jsonColumn } from '@/db/json-column';
import { answersOf, feedbackFor, quizCardsById } from './quiz-data';

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

type AttemptRow = Omit<StudentAttempt, 'answers' | 'kind'> & { cardIds: string; ofAssignment: number };

// This assignment's quiz attempts and the practice ones (no assignment row at all); an attempt of
// another assignment's quiz on the same deck belongs to that assignment.
const attemptsStmt = db.$client.prepare<{ studentId: number; assignmentId: number; deckId: string }, AttemptRow>(`
  SELECT q.id, q.started_at AS startedAt, q.finished_at AS finishedAt, q.correct_count AS correctCount,
         q.question_count AS questionCount, q.card_ids AS cardIds,
         EXISTS (SELECT 1 FROM assignment_quiz_attempts aq WHERE aq.attempt_id = q.id AND aq.assignment_id = @assignmentId) AS ofAssignment
  FROM quiz_attempts q
  WHERE q.user_id = @studentId AND q.deck_id = @deckId
    AND (EXISTS (SELECT 1 FROM assignment_quiz_attempts aq WHERE aq.attempt_id = q.id AND aq.assignment_id = @assignmentId)
         OR NOT EXISTS (SELECT 1 FROM assignment_quiz_attempts aq WHERE aq.attempt_id = q.id))
  ORDER BY q.started_at DESC, q.id DESC
`);

const overrulesStmt = db.$client.prepare<{ attemptId: number }, { cardId: number; status: OverruleStatus }>(`
  SELECT qa.card_id AS cardId, o.status FROM quiz_answers qa JOIN quiz_overrules o ON o.quiz_answer_id = qa.id
  WHERE qa.attempt_id = @attemptId
`);

function answersOfAttempt(attemptId: number, cardIds: number[]): AttemptAnswer[] {
  const cards = quizCardsById(cardIds);
  const answers = answersOf(attemptId);
  const overrules = new Map(overrulesStmt.all({ attemptId }).map((o) => [o.cardId, o.status]));
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
export function studentAttempts(studentId: number, assignmentId: number, deckId: string): StudentAttempt[] {
  return attemptsStmt.all({ studentId, assignmentId, deckId }).map(({ cardIds, ofAssignment, ...a }) => {
    const ids = jsonColumn(cardIds, idList, 'quiz_attempts.card_ids');
    return { ...a, kind: ofAssignment === 1 ? 'assignment' : 'practice', answers: answersOfAttempt(a.id, ids) };
  });
}
