/**
 * Comprehension quizzes: starting an attempt over a deck or some of its sections, answering its
 * questions (graded on the server, each answer also recorded as a retrieval for the scheduler),
 * and finishing it. Every function takes the acting user's id and only touches their attempts.
 * The read side (setup, the attempt as shown, results, history) is in quiz-views.ts.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { rowToState } from '@/db/card-state-row';
import { engine } from '@/db/engine';
import { bare } from '@/db/engine/fragments';
import { flag, int } from '@/db/engine/rows';
import type { Queryable } from '@/db/engine/types';
import { cards, cardStates, quizAnswers, quizAttempts, sections } from '@/db/schema';
import { pickQuestions, type QuizCandidate } from '@/lib/quiz/pick';
import { suggestedGrade } from '@/lib/quiz/grade';
import { retrievability } from '@/lib/scheduler';
import { joinedState, joinedStateColumns, joinedStateShape } from './joined-state';
import { answersIn, attemptIn, deckStudiableIn, feedbackFor, quizCardsIn, quizTypesList, type AnswerFeedback } from './quiz-data';
import { recordReview } from './reviews';
import { wouldExceedNewLimitIn } from './study';
import { studySettingsFor, type StudySettings } from './settings';

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

const candidateRow = z.object({
  cardId: int,
  sectionKey: z.string(),
  type: z.string(),
  ...joinedStateShape,
  lastQuizzedAt: int.nullable(),
  lastQuizCorrect: flag.nullable(),
});

// The latest quiz answer per card of this user, to prefer questions never asked or last missed.
function candidatesIn(q: Queryable, userId: number, deckId: string) {
  return q.all(
    sql`SELECT ${cards.id} AS "cardId", ${sections.key} AS "sectionKey", ${cards.type} AS "type", ${joinedStateColumns},
          latest.answered_at AS "lastQuizzedAt", latest.correct AS "lastQuizCorrect"
        FROM ${cards}
        JOIN ${sections} ON ${sections.id} = ${cards.sectionId}
        LEFT JOIN ${cardStates} ON ${cardStates.cardId} = ${cards.id} AND ${cardStates.userId} = ${userId}
        LEFT JOIN (
          SELECT ${quizAnswers.cardId} AS card_id, ${quizAnswers.answeredAt} AS answered_at, ${quizAnswers.correct} AS correct,
                 row_number() OVER (PARTITION BY ${quizAnswers.cardId} ORDER BY ${quizAnswers.answeredAt} DESC, ${quizAnswers.id} DESC) AS rn
          FROM ${quizAnswers} JOIN ${quizAttempts} ON ${quizAttempts.id} = ${quizAnswers.attemptId}
          WHERE ${quizAttempts.userId} = ${userId} AND ${quizAttempts.deckId} = ${deckId}
        ) latest ON latest.card_id = ${cards.id} AND latest.rn = 1
        WHERE ${cards.deckId} = ${deckId} AND ${cards.retiredAt} IS NULL AND ${cards.type} IN ${quizTypesList}`,
    candidateRow,
  );
}

const tallyRow = z.object({ answered: int, correct: int });
const tallyIn = async (q: Queryable, attemptId: number) =>
  (await q.get(
    sql`SELECT count(*) AS "answered", coalesce(sum(CASE WHEN ${quizAnswers.correct} THEN 1 ELSE 0 END), 0) AS "correct"
        FROM ${quizAnswers} WHERE ${quizAnswers.attemptId} = ${attemptId}`,
    tallyRow,
  )) ?? { answered: 0, correct: 0 };

const updateScoreIn = (q: Queryable, attemptId: number, correct: number, finishedAt: number | null) =>
  q.run(sql`UPDATE ${quizAttempts} SET ${bare(quizAttempts.correctCount)} = ${correct}, ${bare(quizAttempts.finishedAt)} = CAST(${finishedAt} AS bigint)
            WHERE ${quizAttempts.id} = ${attemptId}`);

/**
 * Starts a quiz for `userId`: draws `count` questions from the deck's quiz cards in the chosen
 * sections, preferring ones never quizzed, last missed, or likely forgotten (with randomness).
 */
export async function startQuiz(userId: number, input: StartQuizInput, now: Date, random: () => number = Math.random): Promise<{ ok: true; attemptId: number } | Refused> {
  const count = input.count ?? QUIZ_COUNT.default;
  if (!Number.isInteger(count) || count < QUIZ_COUNT.min || count > QUIZ_COUNT.max) {
    return refuse('bad_count', `Choose between ${QUIZ_COUNT.min} and ${QUIZ_COUNT.max} questions.`);
  }
  const db = await engine();
  if (!(await deckStudiableIn(db, userId, input.deckId))) return refuse('unknown_deck', 'This deck does not exist or is not yours to study.');
  const keys = await db.all(sql`SELECT ${sections.key} AS "key" FROM ${sections} WHERE ${sections.deckId} = ${input.deckId}`, z.object({ key: z.string() }));
  const deckSections = new Set(keys.map((s) => s.key));
  const chosen = input.sectionKeys === undefined ? null : [...new Set(input.sectionKeys)];
  if (chosen && chosen.length === 0) return refuse('unknown_section', 'Choose at least one section.');
  if (chosen?.some((k) => !deckSections.has(k))) return refuse('unknown_section', 'One of the chosen sections is not in this deck.');

  const settings = await studySettingsFor(userId);
  const attemptId = await insertDrawnAttemptIn(
    db,
    userId,
    { deckId: input.deckId, sectionKeys: chosen && chosen.length < deckSections.size ? chosen : null, types: null, count, feedback: input.feedback },
    settings,
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
 * forgotten (with randomness), and inserts it on `q`; null when nothing matches. The caller has
 * checked the user may study the deck, read their settings, and passes its transaction when it writes more.
 */
export async function insertDrawnAttemptIn(q: Queryable, userId: number, spec: DrawSpec, settings: StudySettings, now: Date, random: () => number): Promise<number | null> {
  const f = q.fragments;
  const candidates: QuizCandidate[] = (await candidatesIn(q, userId, spec.deckId))
    .filter((row) => (!spec.sectionKeys || spec.sectionKeys.includes(row.sectionKey)) && (!spec.types || spec.types.includes(row.type)))
    .map((row) => {
      const state = joinedState(row);
      return {
        cardId: row.cardId,
        lastQuizzedAt: row.lastQuizzedAt,
        lastQuizCorrect: row.lastQuizCorrect,
        retrievability: state === null ? 0 : retrievability(rowToState(state), now, settings.scheduler),
      };
    });
  const cardIds = pickQuestions(candidates, spec.count ?? candidates.length, now, random);
  if (cardIds.length === 0) return null;
  const inserted = await q.get(
    sql`INSERT INTO ${quizAttempts} (${bare(quizAttempts.userId)}, ${bare(quizAttempts.deckId)}, ${bare(quizAttempts.sectionKeys)}, ${bare(quizAttempts.cardIds)},
          ${bare(quizAttempts.feedback)}, ${bare(quizAttempts.startedAt)}, ${bare(quizAttempts.questionCount)})
        VALUES (${userId}, ${spec.deckId}, ${spec.sectionKeys === null ? sql`NULL` : f.json(spec.sectionKeys)}, ${f.json(cardIds)},
          ${spec.feedback}, ${now.getTime()}, ${cardIds.length})
        RETURNING ${quizAttempts.id} AS "id"`,
    z.object({ id: int }),
  );
  if (!inserted) throw new Error('The new quiz attempt returned no id');
  return inserted.id;
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
export async function answerQuestion(userId: number, attemptId: number, input: AnswerInput, now: Date): Promise<AnswerOutcome> {
  const settings = await studySettingsFor(userId);
  const db = await engine();
  // On SQLite the engine's transaction is BEGIN IMMEDIATE: the write lock is taken before reading,
  // as recordReview does, so two processes can't deadlock on upgrade.
  return db.transaction(async (tx): Promise<AnswerOutcome> => {
    const attempt = await attemptIn(tx, userId, attemptId);
    if (!attempt) return refuse('not_found', 'This quiz does not exist.');
    const position = attempt.cardIds.indexOf(input.cardId);
    const card = position < 0 ? undefined : (await quizCardsIn(tx, [input.cardId])).get(input.cardId);
    if (!card) return refuse('not_in_attempt', 'This question is not part of this quiz.');

    const answers = await answersIn(tx, attemptId);
    const previous = answers.get(input.cardId);
    const counts = { answeredCount: answers.size, questionCount: attempt.questionCount, feedbackMode: attempt.feedback };
    if (previous) {
      const feedback = feedbackFor(attemptId, card, previous.response, previous);
      // Graded once already; only a question edited since into another shape can refuse it now.
      if (!feedback) return refuse('unavailable', 'This question has changed since you answered it.');
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
    const exceeds = await wouldExceedNewLimitIn(tx, userId, card.id, now, settings);
    // ENGINE-MERGE: await recordReviewIn(tx, userId, input, settings, now)
    // (until then recordReview writes on SQLite's one connection, inside this transaction: its own
    // transaction becomes a savepoint of this one, so answer row and grade commit or roll back together)
    const review = exceeds ? null : recordReview(userId, retrieval, settings, now);
    if (review && !review.ok) return refuse('unavailable', review.message);
    const f = tx.fragments;
    await tx.run(
      sql`INSERT INTO ${quizAnswers} (${bare(quizAnswers.attemptId)}, ${bare(quizAnswers.cardId)}, ${bare(quizAnswers.position)}, ${bare(quizAnswers.response)},
            ${bare(quizAnswers.correct)}, ${bare(quizAnswers.answeredAt)}, ${bare(quizAnswers.reviewLogId)}, ${bare(quizAnswers.acceptedAs)}, ${bare(quizAnswers.acceptedRule)})
          VALUES (${attemptId}, ${card.id}, ${position}, ${f.json(input.response)}, ${f.bool(feedback.correct)}, ${now.getTime()},
            CAST(${review?.logId ?? null} AS integer), CAST(${feedback.acceptedAs ?? null} AS text), CAST(${feedback.acceptedRule ?? null} AS text))`,
    );
    // The verdict stored above (accepted_as, accepted_rule) is the one shown from here on (lib/quiz/present.ts withStoredVerdict).
    const tally = await tallyIn(tx, attemptId);
    // The last answer finishes the quiz, so a refresh or a lost "finish" request can't leave it open.
    const finished = tally.answered >= attempt.questionCount;
    await updateScoreIn(tx, attemptId, tally.correct, finished ? now.getTime() : null);
    return { ok: true, duplicate: false, finished, answeredCount: tally.answered, questionCount: attempt.questionCount, feedbackMode: attempt.feedback, feedback };
  });
}

/** Finishes an attempt (unanswered questions count as missed). Finishing twice keeps the first time. */
export async function finishQuiz(userId: number, attemptId: number, now: Date): Promise<{ ok: true; correctCount: number; questionCount: number } | Refused> {
  const db = await engine();
  return db.transaction(async (tx) => {
    const attempt = await attemptIn(tx, userId, attemptId);
    if (!attempt) return refuse('not_found', 'This quiz does not exist.');
    const tally = await tallyIn(tx, attemptId);
    if (attempt.finishedAt === null) await updateScoreIn(tx, attemptId, tally.correct, now.getTime());
    return { ok: true as const, correctCount: tally.correct, questionCount: attempt.questionCount };
  });
}
