/**
 * Shared reads for the quiz queries: an attempt (only ever looked up together with its owner),
 * the content of its cards, its answers, and the feedback a graded answer turns into.
 * Internal to db/queries/quizzes.ts and quiz-views.ts.
 */
import 'server-only';
import { db } from '@/db';
import { DECK_VISIBLE_SQL } from './access';
import { gradeResponse, isQuizPayload, questionSeed, withStoredVerdict, type GradedResponse, type QuizPayload, type StoredVerdict } from '@/lib/quiz/present';
import { jsonColumn, idList, stringList } from '@/db/json-column';
import { cardPayload } from '@/db/json-column';

export interface AttemptRow {
  id: number;
  deckId: string;
  deckTitle: string;
  sectionKeys: string[] | null;
  cardIds: number[];
  feedback: 'immediate' | 'end';
  startedAt: number;
  finishedAt: number | null;
  correctCount: number;
  questionCount: number;
}

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

type RawAttempt = Omit<AttemptRow, 'sectionKeys' | 'cardIds'> & { sectionKeys: string | null; cardIds: string };

const stmts = {
  attempt: db.$client.prepare<{ userId: number; attemptId: number }, RawAttempt>(`
    SELECT q.id, q.deck_id AS deckId, d.title AS deckTitle, q.section_keys AS sectionKeys, q.card_ids AS cardIds, q.feedback,
           q.started_at AS startedAt, q.finished_at AS finishedAt, q.correct_count AS correctCount, q.question_count AS questionCount
    FROM quiz_attempts q JOIN decks d ON d.id = q.deck_id
    WHERE q.id = @attemptId AND q.user_id = @userId AND ${DECK_VISIBLE_SQL}`),
  cards: db.$client.prepare<{ ids: string }, Omit<QuizCardRow, 'payload'> & { payload: string }>(`
    SELECT c.id, c.payload, c.explanation, c.evidence_quote AS evidenceQuote, c.evidence_ref AS evidenceRef,
           sec.key AS sectionKey, sec.title AS sectionTitle
    FROM cards c JOIN sections sec ON sec.id = c.section_id
    WHERE c.id IN (SELECT value FROM json_each(@ids))`),
  answers: db.$client.prepare<
    { attemptId: number },
    { cardId: number; position: number; response: string; correct: number; answeredAt: number; acceptedAs: string | null; acceptedRule: string | null }
  >(`
    SELECT card_id AS cardId, position, response, correct, answered_at AS answeredAt, accepted_as AS acceptedAs, accepted_rule AS acceptedRule
    FROM quiz_answers WHERE attempt_id = @attemptId ORDER BY position`),
};

/**
 * The attempt if it exists, belongs to `userId` and its deck is still one they may study (a student
 * removed from the class loses their attempts on its deck with it); otherwise undefined (not told apart).
 * Every read and write of an attempt goes through here.
 */
export function attemptOf(userId: number, attemptId: number): AttemptRow | undefined {
  const raw = stmts.attempt.get({ userId, attemptId });
  if (!raw) return undefined;
  return {
    ...raw,
    sectionKeys: raw.sectionKeys === null ? null : jsonColumn(raw.sectionKeys, stringList, 'quiz_attempts.section_keys'),
    cardIds: jsonColumn(raw.cardIds, idList, 'quiz_attempts.card_ids'),
  };
}

/** The quiz cards with these ids, by id (cards of other types are left out). */
export function quizCardsById(ids: readonly number[]): Map<number, QuizCardRow> {
  const out = new Map<number, QuizCardRow>();
  for (const row of stmts.cards.all({ ids: JSON.stringify(ids) })) {
    const payload = cardPayload(row.payload);
    if (isQuizPayload(payload)) out.set(row.id, { ...row, payload });
  }
  return out;
}

/** The answers given in an attempt, by card id. The caller has checked the attempt's owner. */
export function answersOf(attemptId: number): Map<number, AnswerRow> {
  return new Map(
    stmts.answers.all({ attemptId }).map((a) => [a.cardId, { ...a, response: JSON.parse(a.response), correct: a.correct === 1 }]),
  );
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
