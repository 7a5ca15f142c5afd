/**
 * Comprehension quizzes: starting an attempt over a deck or some of its sections, answering its
 * questions (graded on the server, each answer also recorded as a retrieval for the scheduler),
 * and finishing it. Every function takes the acting user's id and only touches their attempts.
 * The read side (setup, the attempt as shown, results, history) is in quiz-views.ts.
 */
import 'server-only';
import { db } from '@/db';
import { rowToState, type CardStateColumns } from '@/db/card-state-row';
import { pickQuestions, type QuizCandidate } from '@/lib/quiz/pick';
import { QUIZ_TYPES } from '@/lib/quiz/present';
import { suggestedGrade } from '@/lib/quiz/grade';
import { retrievability } from '@/lib/scheduler';
// ENGINE-MERGE: await canStudyDeck(…) from './access' (or canStudyDeckIn(tx, …) inside a transaction) once this module is on the engine.
import { canStudyDeckSync } from './access-legacy';
import { answersOf, attemptOf, feedbackFor, quizCardsById, type AnswerFeedback } from './quiz-data';
import { recordReview } from './reviews';
import { wouldExceedNewLimit } from './study';
import { studySettingsFor } from './settings';

export { quizSetupFor, quizAttemptView, quizResult, recentAttempts } from './quiz-views';
export type { AnswerFeedback } from './quiz-data';

export const QUIZ_COUNT = { min: 1, max: 50, default: 10 } as const;
export type QuizFeedbackMode = 'immediate' | 'end';

export type QuizRefusal =
  | 'unknown_deck' | 'unknown_section' | 'no_questions' | 'bad_count' | 'not_found' | 'finished' | 'not_in_attempt' | 'invalid_response' | 'unavailable'
  | 'no_quiz' | 'no_attempts_left';
export type Refused = { ok: false; reason: QuizRefusal; message: string };
export const refuse = (reason: QuizRefusal, message: string): Refused => ({ ok: false, reason, message });

export interface StartQuizInput {
  deckId: string;
  /** Sections to draw from; omitted means the whole deck. */
  sectionKeys?: string[];
  count?: number;
  feedback: QuizFeedbackMode;
}

interface CandidateRow extends Omit<CardStateColumns, 'due'> {
  cardId: number;
  sectionKey: string;
  type: string;
  due: number | null;
  lastQuizzedAt: number | null;
  lastQuizCorrect: number | null;
}

const QUIZ_TYPES_SQL = QUIZ_TYPES.map((t) => `'${t}'`).join(', ');

const stmts = {
  sectionKeys: db.$client.prepare<{ deckId: string }, { key: string }>('SELECT key FROM sections WHERE deck_id = @deckId'),
  // The latest quiz answer per card of this user, to prefer questions never asked or last missed.
  candidates: db.$client.prepare<{ userId: number; deckId: string }, CandidateRow>(`
    SELECT c.id AS cardId, sec.key AS sectionKey, c.type,
           s.due, s.stability, s.difficulty, s.scheduled_days AS scheduledDays, s.learning_steps AS learningSteps,
           s.reps, s.lapses, s.state, s.last_review AS lastReview,
           last.answered_at AS lastQuizzedAt, last.correct AS lastQuizCorrect
    FROM cards c
    JOIN sections sec ON sec.id = c.section_id
    LEFT JOIN card_states s ON s.card_id = c.id AND s.user_id = @userId
    LEFT JOIN (
      SELECT qa.card_id, qa.answered_at, qa.correct,
             row_number() OVER (PARTITION BY qa.card_id ORDER BY qa.answered_at DESC, qa.id DESC) AS rn
      FROM quiz_answers qa JOIN quiz_attempts qt ON qt.id = qa.attempt_id
      WHERE qt.user_id = @userId AND qt.deck_id = @deckId
    ) last ON last.card_id = c.id AND last.rn = 1
    WHERE c.deck_id = @deckId AND c.retired_at IS NULL AND c.type IN (${QUIZ_TYPES_SQL})`),
  insertAttempt: db.$client.prepare(`
    INSERT INTO quiz_attempts (user_id, deck_id, section_keys, card_ids, feedback, started_at, question_count)
    VALUES (@userId, @deckId, @sectionKeys, @cardIds, @feedback, @startedAt, @questionCount)`),
  insertAnswer: db.$client.prepare(`
    INSERT INTO quiz_answers (attempt_id, card_id, position, response, correct, answered_at, review_log_id, accepted_as, accepted_rule)
    VALUES (@attemptId, @cardId, @position, @response, @correct, @answeredAt, @reviewLogId, @acceptedAs, @acceptedRule)`),
  tally: db.$client.prepare<{ attemptId: number }, { answered: number; correct: number }>(
    'SELECT count(*) AS answered, coalesce(sum(correct), 0) AS correct FROM quiz_answers WHERE attempt_id = @attemptId',
  ),
  updateScore: db.$client.prepare('UPDATE quiz_attempts SET correct_count = @correct, finished_at = @finishedAt WHERE id = @attemptId'),
};

/**
 * Starts a quiz for `userId`: draws `count` questions from the deck's quiz cards in the chosen
 * sections, preferring ones never quizzed, last missed, or likely forgotten (with randomness).
 */
export function startQuiz(userId: number, input: StartQuizInput, now: Date, random: () => number = Math.random): { ok: true; attemptId: number } | Refused {
  const count = input.count ?? QUIZ_COUNT.default;
  if (!Number.isInteger(count) || count < QUIZ_COUNT.min || count > QUIZ_COUNT.max) {
    return refuse('bad_count', `Choose between ${QUIZ_COUNT.min} and ${QUIZ_COUNT.max} questions.`);
  }
  if (!canStudyDeckSync(userId, input.deckId)) return refuse('unknown_deck', 'This deck does not exist or is not yours to study.');
  const deckSections = new Set(stmts.sectionKeys.all({ deckId: input.deckId }).map((s) => s.key));
  const chosen = input.sectionKeys === undefined ? null : [...new Set(input.sectionKeys)];
  if (chosen && chosen.length === 0) return refuse('unknown_section', 'Choose at least one section.');
  if (chosen?.some((k) => !deckSections.has(k))) return refuse('unknown_section', 'One of the chosen sections is not in this deck.');

  const attemptId = insertDrawnAttempt(
    userId,
    { deckId: input.deckId, sectionKeys: chosen && chosen.length < deckSections.size ? chosen : null, types: null, count, feedback: input.feedback },
    now,
    random,
  );
  return attemptId === null ? refuse('no_questions', 'There are no quiz questions in the chosen sections.') : { ok: true, attemptId };
}

export interface DrawSpec {
  deckId: string;
  /** null: the whole deck. */
  sectionKeys: string[] | null;
  /** null: every quiz type. */
  types: readonly string[] | null;
  /** null: every matching question. */
  count: number | null;
  feedback: QuizFeedbackMode;
}

/**
 * Draws the questions of a new attempt, preferring ones never quizzed, last missed, or likely
 * forgotten (with randomness), and inserts it; null when nothing matches. The caller has checked
 * the user may study the deck, and runs this in its transaction when it writes more.
 */
export function insertDrawnAttempt(userId: number, spec: DrawSpec, now: Date, random: () => number): number | null {
  const settings = studySettingsFor(userId);
  const candidates: QuizCandidate[] = stmts.candidates
    .all({ userId, deckId: spec.deckId })
    .filter((row) => (!spec.sectionKeys || spec.sectionKeys.includes(row.sectionKey)) && (!spec.types || spec.types.includes(row.type)))
    .map((row) => ({
      cardId: row.cardId,
      lastQuizzedAt: row.lastQuizzedAt,
      lastQuizCorrect: row.lastQuizCorrect === null ? null : row.lastQuizCorrect === 1,
      retrievability: row.due === null ? 0 : retrievability(rowToState({ ...row, due: row.due }), now, settings.scheduler),
    }));
  const cardIds = pickQuestions(candidates, spec.count ?? candidates.length, now, random);
  if (cardIds.length === 0) return null;
  const inserted = stmts.insertAttempt.run({
    userId,
    deckId: spec.deckId,
    sectionKeys: spec.sectionKeys === null ? null : JSON.stringify(spec.sectionKeys),
    cardIds: JSON.stringify(cardIds),
    feedback: spec.feedback,
    startedAt: now.getTime(),
    questionCount: cardIds.length,
  });
  return Number(inserted.lastInsertRowid);
}

export interface AnswerInput {
  cardId: number;
  /** mcq: shown option index; truefalse: boolean; typed: text; ordering: shown step indices in the chosen order. */
  response: unknown;
}

export type AnswerOutcome =
  | {
      ok: true;
      duplicate: boolean;
      finished: boolean;
      answeredCount: number;
      questionCount: number;
      /** The attempt's mode: with 'end' the caller should keep the feedback until the results. */
      feedbackMode: QuizFeedbackMode;
      feedback: AnswerFeedback;
    }
  | Refused;

/** Time spent on a question, as far as the server can tell: since the previous answer (or the start), at most 5 minutes. */
const MAX_DURATION_MS = 5 * 60_000;

/**
 * Grades one answer and records it as a quiz answer and as a retrieval (wrong → Again, right → Good),
 * in one transaction. Sending the same answer again changes nothing and returns the first result.
 */
export function answerQuestion(userId: number, attemptId: number, input: AnswerInput, now: Date): AnswerOutcome {
  const settings = studySettingsFor(userId);
  return db.$client.transaction((): AnswerOutcome => {
    const attempt = attemptOf(userId, attemptId);
    if (!attempt) return refuse('not_found', 'This quiz does not exist.');
    const position = attempt.cardIds.indexOf(input.cardId);
    const card = position < 0 ? undefined : quizCardsById([input.cardId]).get(input.cardId);
    if (!card) return refuse('not_in_attempt', 'This question is not part of this quiz.');

    const answers = answersOf(attemptId);
    const previous = answers.get(input.cardId);
    const counts = { answeredCount: answers.size, questionCount: attempt.questionCount, feedbackMode: attempt.feedback };
    if (previous) {
      const feedback = feedbackFor(attemptId, card, previous.response, previous) as AnswerFeedback;
      return { ok: true, duplicate: true, finished: attempt.finishedAt !== null, ...counts, feedback };
    }
    if (attempt.finishedAt !== null) return refuse('finished', 'This quiz is already finished.');
    const feedback = feedbackFor(attemptId, card, input.response);
    if (!feedback) return refuse('invalid_response', 'That answer does not fit this question.');

    const lastAnswerAt = Math.max(attempt.startedAt, ...[...answers.values()].map((a) => a.answeredAt));
    // A never-studied card is introduced by the quiz only within today's new-card limit; past it,
    // the answer counts for the quiz and the card stays new (Today and the review queue agree).
    const retrieval = {
      cardId: card.id,
      grade: suggestedGrade(feedback.correct),
      clientId: `quiz:${attemptId}:${card.id}`,
      reviewedAt: now,
      durationMs: Math.min(MAX_DURATION_MS, Math.max(0, now.getTime() - lastAnswerAt)),
      source: 'quiz' as const,
    };
    const review = wouldExceedNewLimit(userId, card.id, now, settings) ? null : recordReview(userId, retrieval, settings, now);
    if (review && !review.ok) return refuse('unavailable', review.message);
    stmts.insertAnswer.run({
      attemptId,
      cardId: card.id,
      position,
      response: JSON.stringify(input.response),
      correct: feedback.correct ? 1 : 0,
      answeredAt: now.getTime(),
      reviewLogId: review?.logId ?? null,
      // The verdict as given now, shown from here on (lib/quiz/present.ts withStoredVerdict).
      acceptedAs: feedback.acceptedAs ?? null,
      acceptedRule: feedback.acceptedRule ?? null,
    });
    const tally = stmts.tally.get({ attemptId }) ?? { answered: 0, correct: 0 };
    // The last answer finishes the quiz, so a refresh or a lost "finish" request can't leave it open.
    const finished = tally.answered >= attempt.questionCount;
    stmts.updateScore.run({ attemptId, correct: tally.correct, finishedAt: finished ? now.getTime() : null });
    return { ok: true, duplicate: false, finished, answeredCount: tally.answered, questionCount: attempt.questionCount, feedbackMode: attempt.feedback, feedback };
    // IMMEDIATE: take the write lock before reading, as recordReview does, so two processes can't deadlock on upgrade.
  }).immediate();
}

/** Finishes an attempt (unanswered questions count as missed). Finishing twice keeps the first time. */
export function finishQuiz(userId: number, attemptId: number, now: Date): { ok: true; correctCount: number; questionCount: number } | Refused {
  return db.$client.transaction(() => {
    const attempt = attemptOf(userId, attemptId);
    if (!attempt) return refuse('not_found', 'This quiz does not exist.');
    const tally = stmts.tally.get({ attemptId }) ?? { answered: 0, correct: 0 };
    if (attempt.finishedAt === null) stmts.updateScore.run({ attemptId, correct: tally.correct, finishedAt: now.getTime() });
    return { ok: true as const, correctCount: tally.correct, questionCount: attempt.questionCount };
  }).immediate();
}
