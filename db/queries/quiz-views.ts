/**
 * The read side of quizzes, always for the asking user: what a quiz over a deck can cover,
 * an attempt as the student sees it (questions without answers), the results of a finished
 * attempt, and past attempts. Answers are revealed only once an attempt is finished, or
 * question by question through answerQuestion when feedback is immediate.
 */
import 'server-only';
import { db } from '@/db';
import { presentQuestion, questionSeed, revealAnswer, QUIZ_TYPES, type PresentedQuestion } from '@/lib/quiz/present';
import { DECK_VISIBLE_SQL } from './access';
// ENGINE-MERGE: await canStudyDeck(…) from './access' once this module is on the engine.
import { canStudyDeckSync } from './access-legacy';
import { answersOf, attemptOf, feedbackFor, quizCardsById, type AnswerFeedback } from './quiz-data';

const QUIZ_TYPES_SQL = QUIZ_TYPES.map((t) => `'${t}'`).join(', ');

export interface QuizSetup {
  deck: { id: string; title: string };
  sections: { key: string; title: string; questionCount: number }[];
}

export interface AttemptSummary {
  id: number;
  deckId: string;
  deckTitle: string;
  startedAt: number;
  finishedAt: number | null;
  correctCount: number;
  questionCount: number;
  answeredCount: number;
}

const stmts = {
  deck: db.$client.prepare<{ deckId: string }, { id: string; title: string }>('SELECT id, title FROM decks WHERE id = @deckId'),
  sections: db.$client.prepare<{ deckId: string }, QuizSetup['sections'][number]>(`
    SELECT sec.key, sec.title, count(c.id) AS questionCount
    FROM sections sec
    JOIN cards c ON c.section_id = sec.id AND c.retired_at IS NULL AND c.type IN (${QUIZ_TYPES_SQL})
    WHERE sec.deck_id = @deckId
    GROUP BY sec.id ORDER BY sec.position`),
  recent: db.$client.prepare<{ userId: number; deckId: string | null; limit: number }, AttemptSummary>(`
    SELECT q.id, q.deck_id AS deckId, d.title AS deckTitle, q.started_at AS startedAt, q.finished_at AS finishedAt,
           q.correct_count AS correctCount, q.question_count AS questionCount,
           (SELECT count(*) FROM quiz_answers a WHERE a.attempt_id = q.id) AS answeredCount
    FROM quiz_attempts q JOIN decks d ON d.id = q.deck_id
    WHERE q.user_id = @userId AND (@deckId IS NULL OR q.deck_id = @deckId) AND ${DECK_VISIBLE_SQL}
    ORDER BY q.started_at DESC, q.id DESC LIMIT @limit`),
};

/** The sections of a deck that have quiz questions, or null if the user may not study the deck. */
export function quizSetupFor(userId: number, deckId: string): QuizSetup | null {
  if (!canStudyDeckSync(userId, deckId)) return null;
  const deck = stmts.deck.get({ deckId });
  return deck ? { deck, sections: stmts.sections.all({ deckId }) } : null;
}

/** The user's latest attempts, newest first, optionally for one deck. */
export function recentAttempts(userId: number, deckId?: string, limit = 10): AttemptSummary[] {
  return stmts.recent.all({ userId, deckId: deckId ?? null, limit });
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
export function quizAttemptView(userId: number, attemptId: number): AttemptView | null {
  const attempt = attemptOf(userId, attemptId);
  if (!attempt) return null;
  const cards = quizCardsById(attempt.cardIds);
  const answers = answersOf(attemptId);
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
export function quizResult(userId: number, attemptId: number): QuizResultView | null {
  const attempt = attemptOf(userId, attemptId);
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

  const cards = quizCardsById(attempt.cardIds);
  const answers = answersOf(attemptId);
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
