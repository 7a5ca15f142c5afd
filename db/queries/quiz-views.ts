/**
 * The read side of quizzes, always for the asking user: what a quiz over a deck can cover,
 * an attempt as the student sees it (questions without answers), the results of a finished
 * attempt, and past attempts. Answers are revealed only once an attempt is finished, or
 * question by question through answerQuestion when feedback is immediate.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { int } from '@/db/engine/rows';
import { cards, decks, quizAnswers, quizAttempts, sections } from '@/db/schema';
import { presentQuestion, questionSeed, revealAnswer, type PresentedQuestion } from '@/lib/quiz/present';
import { deckVisibleTo } from './access-sql';
import { answersIn, attemptIn, feedbackFor, quizCardsIn, quizTypesList, type AnswerFeedback } from './quiz-data';

export interface QuizSetup {
  deck: { id: string; title: string };
  sections: { key: string; title: string; questionCount: number }[];
}

const attemptSummary = z.object({
  id: int,
  deckId: z.string(),
  deckTitle: z.string(),
  startedAt: int,
  finishedAt: int.nullable(),
  correctCount: int,
  questionCount: int,
  answeredCount: int,
});
export type AttemptSummary = z.infer<typeof attemptSummary>;

const deckRow = z.object({ id: z.string(), title: z.string() });
const sectionRow = z.object({ key: z.string(), title: z.string(), questionCount: int });

/** The sections of a deck that have quiz questions, or null if the user may not study the deck. */
export async function quizSetupFor(userId: number, deckId: string): Promise<QuizSetup | null> {
  const db = await engine();
  const deck = await db.get(
    sql`SELECT ${decks.id} AS "id", ${decks.title} AS "title" FROM ${decks} WHERE ${decks.id} = ${deckId} AND ${deckVisibleTo(userId, decks)}`,
    deckRow,
  );
  if (!deck) return null;
  const rows = await db.all(
    sql`SELECT ${sections.key} AS "key", ${sections.title} AS "title", count(${cards.id}) AS "questionCount"
        FROM ${sections}
        JOIN ${cards} ON ${cards.sectionId} = ${sections.id} AND ${cards.retiredAt} IS NULL AND ${cards.type} IN ${quizTypesList}
        WHERE ${sections.deckId} = ${deckId}
        GROUP BY ${sections.id}, ${sections.key}, ${sections.title}, ${sections.position} ORDER BY ${sections.position}`,
    sectionRow,
  );
  return { deck, sections: rows };
}

/** The user's latest attempts, newest first, optionally for one deck. */
export async function recentAttempts(userId: number, deckId?: string, limit = 10): Promise<AttemptSummary[]> {
  const db = await engine();
  return db.all(
    sql`SELECT ${quizAttempts.id} AS "id", ${quizAttempts.deckId} AS "deckId", ${decks.title} AS "deckTitle",
          ${quizAttempts.startedAt} AS "startedAt", ${quizAttempts.finishedAt} AS "finishedAt",
          ${quizAttempts.correctCount} AS "correctCount", ${quizAttempts.questionCount} AS "questionCount",
          (SELECT count(*) FROM ${quizAnswers} WHERE ${quizAnswers.attemptId} = ${quizAttempts.id}) AS "answeredCount"
        FROM ${quizAttempts} JOIN ${decks} ON ${decks.id} = ${quizAttempts.deckId}
        WHERE ${quizAttempts.userId} = ${userId} ${deckId === undefined ? sql`` : sql`AND ${quizAttempts.deckId} = ${deckId}`}
          AND ${deckVisibleTo(userId, decks)}
        ORDER BY ${quizAttempts.startedAt} DESC, ${quizAttempts.id} DESC LIMIT ${limit}`,
    attemptSummary,
  );
}

export interface AttemptQuestion {
  cardId: number;
  question: PresentedQuestion;
  answered: boolean;
}

export interface AttemptView {
  id: number;
  deckId: string;
  deckTitle: string;
  feedback: 'immediate' | 'end';
  finished: boolean;
  questions: AttemptQuestion[];
}

/** An attempt as the student takes it: the questions in order, shuffled as shown, without answers. */
export async function quizAttemptView(userId: number, attemptId: number): Promise<AttemptView | null> {
  const db = await engine();
  const attempt = await attemptIn(db, userId, attemptId);
  if (!attempt) return null;
  const [cards, answers] = await Promise.all([quizCardsIn(db, attempt.cardIds), answersIn(db, attemptId)]);
  const questions = attempt.cardIds.flatMap((cardId) => {
    const card = cards.get(cardId);
    return card ? [{ cardId, question: presentQuestion(card.payload, questionSeed(attemptId, cardId)), answered: answers.has(cardId) }] : [];
  });
  return { id: attempt.id, deckId: attempt.deckId, deckTitle: attempt.deckTitle, feedback: attempt.feedback, finished: attempt.finishedAt !== null, questions };
}

export interface ResultQuestion {
  position: number;
  prompt: string;
  type: PresentedQuestion['type'];
  answered: boolean;
  feedback: AnswerFeedback;
}

export interface QuizResultView {
  id: number;
  deckId: string;
  deckTitle: string;
  finished: boolean;
  startedAt: number;
  finishedAt: number | null;
  score: { correct: number; total: number; percent: number };
  /** Empty until the attempt is finished, so results never reveal answers mid-quiz. */
  questions: ResultQuestion[];
}

/** The results of an attempt: score and every question with the student's and the right answer. */
export async function quizResult(userId: number, attemptId: number): Promise<QuizResultView | null> {
  const db = await engine();
  const attempt = await attemptIn(db, userId, attemptId);
  if (!attempt) return null;
  const total = attempt.questionCount;
  const base = {
    id: attempt.id,
    deckId: attempt.deckId,
    deckTitle: attempt.deckTitle,
    finished: attempt.finishedAt !== null,
    startedAt: attempt.startedAt,
    finishedAt: attempt.finishedAt,
    score: { correct: attempt.correctCount, total, percent: total > 0 ? Math.round((attempt.correctCount / total) * 100) : 0 },
  };
  if (attempt.finishedAt === null) return { ...base, questions: [] };

  const [cards, answers] = await Promise.all([quizCardsIn(db, attempt.cardIds), answersIn(db, attemptId)]);
  const questions = attempt.cardIds.flatMap((cardId, position): ResultQuestion[] => {
    const card = cards.get(cardId);
    if (!card) return [];
    const seed = questionSeed(attemptId, cardId);
    const answer = answers.get(cardId);
    const graded = answer ? feedbackFor(attemptId, card, answer.response, answer) : null;
    const feedback: AnswerFeedback = graded ?? {
      ...revealAnswer(card.payload, seed),
      cardId,
      explanation: card.explanation,
      evidenceQuote: card.evidenceQuote,
      evidenceRef: card.evidenceRef,
      sectionKey: card.sectionKey,
      sectionTitle: card.sectionTitle,
    };
    const prompt = presentQuestion(card.payload, seed).prompt;
    return [{ position, prompt, type: card.payload.type, answered: answer !== undefined, feedback }];
  });
  return { ...base, questions };
}
