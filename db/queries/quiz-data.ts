/**
 * Shared reads for the quiz queries: an attempt (only ever looked up together with its owner),
 * the content of its cards, its answers, and the feedback a graded answer turns into.
 * Internal to db/queries/quizzes.ts and quiz-views.ts. The reads take the Queryable they run on
 * (the engine, or the transaction of a write that reads through them).
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '@/db/engine/types';
import { flag, int, jsonText } from '@/db/engine/rows';
import { cards, decks, quizAnswers, quizAttempts, sections } from '@/db/schema';
import { cardPayloadSchema } from '@/lib/content/card-payload';
import { gradeResponse, isQuizPayload, questionSeed, withStoredVerdict, QUIZ_TYPES, type GradedResponse, type QuizPayload, type StoredVerdict } from '@/lib/quiz/present';
import { idList, stringList } from '@/db/json-column';
import { deckVisibleTo } from './access-sql';

const attemptRow = z.object({
  id: int,
  deckId: z.string(),
  deckTitle: z.string(),
  sectionKeys: jsonText(stringList).nullable(),
  cardIds: jsonText(idList),
  feedback: z.enum(['immediate', 'end']),
  startedAt: int,
  finishedAt: int.nullable(),
  correctCount: int,
  questionCount: int,
});
export type AttemptRow = z.infer<typeof attemptRow>;

export interface QuizCardRow {
  id: number;
  payload: QuizPayload;
  explanation: string | null;
  evidenceQuote: string | null;
  evidenceRef: string | null;
  sectionKey: string;
  sectionTitle: string;
}

export interface AnswerRow extends StoredVerdict {
  cardId: number;
  position: number;
  response: unknown;
  answeredAt: number;
}

/** What the student is told about one answered question. */
export interface AnswerFeedback extends GradedResponse {
  cardId: number;
  explanation: string | null;
  evidenceQuote: string | null;
  evidenceRef: string | null;
  sectionKey: string;
  sectionTitle: string;
}

const cardRow = z.object({
  id: int,
  payload: jsonText(cardPayloadSchema),
  explanation: z.string().nullable(),
  evidenceQuote: z.string().nullable(),
  evidenceRef: z.string().nullable(),
  sectionKey: z.string(),
  sectionTitle: z.string(),
});

const answerRow = z.object({
  cardId: int,
  position: int,
  response: jsonText(z.unknown()),
  correct: flag,
  answeredAt: int,
  acceptedAs: z.string().nullable(),
  acceptedRule: z.string().nullable(),
});

/** The quiz types as a SQL list, for `type IN ${quizTypesList}` (constants, so a plain list of parameters). */
export const quizTypesList = sql`(${sql.join(
  QUIZ_TYPES.map((t) => sql`${t}`),
  sql`, `,
)})`;

/** Whether `userId` may study `deckId` (the rule of access-sql.ts), on `q`: a transaction reads it in its own snapshot. */
export async function deckStudiableIn(q: Queryable, userId: number, deckId: string): Promise<boolean> {
  const row = await q.get(sql`SELECT 1 AS "ok" FROM ${decks} WHERE ${decks.id} = ${deckId} AND ${deckVisibleTo(userId, decks)}`, z.object({ ok: int }));
  return row !== undefined;
}

/**
 * The attempt if it exists, belongs to `userId` and its deck is still one they may study (a student
 * removed from the class loses their attempts on its deck with it); otherwise undefined (not told apart).
 * Every read and write of an attempt goes through here.
 */
export async function attemptIn(q: Queryable, userId: number, attemptId: number): Promise<AttemptRow | undefined> {
  const f = q.fragments;
  return q.get(
    sql`SELECT ${quizAttempts.id} AS "id", ${quizAttempts.deckId} AS "deckId", ${decks.title} AS "deckTitle",
          ${f.jsonText(quizAttempts.sectionKeys)} AS "sectionKeys", ${f.jsonText(quizAttempts.cardIds)} AS "cardIds",
          ${quizAttempts.feedback} AS "feedback", ${quizAttempts.startedAt} AS "startedAt", ${quizAttempts.finishedAt} AS "finishedAt",
          ${quizAttempts.correctCount} AS "correctCount", ${quizAttempts.questionCount} AS "questionCount"
        FROM ${quizAttempts} JOIN ${decks} ON ${decks.id} = ${quizAttempts.deckId}
        WHERE ${quizAttempts.id} = ${attemptId} AND ${quizAttempts.userId} = ${userId} AND ${deckVisibleTo(userId, decks)}`,
    attemptRow,
  );
}

/** The quiz cards with these ids, by id (cards of other types are left out). */
export async function quizCardsIn(q: Queryable, ids: readonly number[]): Promise<Map<number, QuizCardRow>> {
  const rows = await q.all(
    sql`SELECT ${cards.id} AS "id", ${q.fragments.jsonText(cards.payload)} AS "payload", ${cards.explanation} AS "explanation",
          ${cards.evidenceQuote} AS "evidenceQuote", ${cards.evidenceRef} AS "evidenceRef",
          ${sections.key} AS "sectionKey", ${sections.title} AS "sectionTitle"
        FROM ${cards} JOIN ${sections} ON ${sections.id} = ${cards.sectionId}
        WHERE ${cards.id} IN ${q.fragments.intsIn(ids)}`,
    cardRow,
  );
  const out = new Map<number, QuizCardRow>();
  for (const { payload, ...row } of rows) if (isQuizPayload(payload)) out.set(row.id, { ...row, payload });
  return out;
}

/** The answers given in an attempt, by card id. The caller has checked the attempt's owner. */
export async function answersIn(q: Queryable, attemptId: number): Promise<Map<number, AnswerRow>> {
  const rows = await q.all(
    sql`SELECT ${quizAnswers.cardId} AS "cardId", ${quizAnswers.position} AS "position", ${q.fragments.jsonText(quizAnswers.response)} AS "response",
          ${quizAnswers.correct} AS "correct", ${quizAnswers.answeredAt} AS "answeredAt",
          ${quizAnswers.acceptedAs} AS "acceptedAs", ${quizAnswers.acceptedRule} AS "acceptedRule"
        FROM ${quizAnswers} WHERE ${quizAnswers.attemptId} = ${attemptId} ORDER BY ${quizAnswers.position}`,
    answerRow,
  );
  return new Map(rows.map((a) => [a.cardId, a]));
}

/**
 * Grades `response` to `card` as shown in `attemptId`; null if the response has the wrong shape.
 * An answer given before passes its `stored` verdict, which the feedback then shows.
 */
export function feedbackFor(attemptId: number, card: QuizCardRow, response: unknown, stored?: StoredVerdict): AnswerFeedback | null {
  const fresh = gradeResponse(card.payload, questionSeed(attemptId, card.id), response);
  if (!fresh) return null;
  const graded = stored ? withStoredVerdict(fresh, stored) : fresh;
  return {
    ...graded,
    cardId: card.id,
    explanation: card.explanation,
    evidenceQuote: card.evidenceQuote,
    evidenceRef: card.evidenceRef,
    sectionKey: card.sectionKey,
    sectionTitle: card.sectionTitle,
  };
}
