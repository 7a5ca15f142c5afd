/**
 * The raw facts class analytics are computed from, for one assignment: the roster, the assigned
 * cards, and review and quiz aggregates grouped by (student, card) or by card in SQL, so a class
 * of 200 costs the same handful of statements as a class of 2. Callers must already have checked
 * that the asking user may see this class (or is the one student asked about).
 */
import 'server-only';
import { db } from '@/db';
import type { AssignmentFacts, AssignmentFactsHeader, FactCard, FactLastReview, FactQuizBest, FactReviews, FactStudent } from '@/lib/teach/class-analytics';
import type { ItemQuizCounts } from '@/lib/teach/item-analysis';
import { originalChoice } from '@/lib/teach/mcq-choice';
import { ASSIGNED_CARD_SQL } from './assignments';

const DAY_MS = 86_400_000;

interface Scope {
  assignmentId: number;
  classId: number;
  /** Only this student (the Today panel); null for the whole roster. */
  userId: number | null;
}

const STUDENTS_CTE = `students AS (SELECT user_id FROM enrollments WHERE class_id = @classId AND (@userId IS NULL OR user_id = @userId))`;
const ASSIGNED_CTE = `assigned AS (SELECT c.id FROM assignments a JOIN cards c ON c.deck_id = a.deck_id JOIN sections sec ON sec.id = c.section_id
  WHERE a.id = @assignmentId AND ${ASSIGNED_CARD_SQL})`;

const studentsStmt = db.$client.prepare<Scope, Omit<FactStudent, 'weights'> & { weights: string | null }>(`
  SELECT u.id AS userId, u.name, u.email, e.joined_at AS joinedAt, us.fsrs_weights AS weights
  FROM enrollments e JOIN users u ON u.id = e.user_id LEFT JOIN user_settings us ON us.user_id = u.id
  WHERE e.class_id = @classId AND (@userId IS NULL OR e.user_id = @userId)
  ORDER BY u.name COLLATE NOCASE, u.id
`);

const cardsStmt = db.$client.prepare<{ assignmentId: number }, FactCard>(`
  SELECT c.id AS cardId, c.item_id AS itemId, c.type, c.prompt, sec.key AS sectionKey, sec.title AS sectionTitle
  FROM assignments a JOIN cards c ON c.deck_id = a.deck_id JOIN sections sec ON sec.id = c.section_id
  WHERE a.id = @assignmentId AND ${ASSIGNED_CARD_SQL}
  ORDER BY sec.position, c.position
`);

const reviewsStmt = db.$client.prepare<Scope & { since7: number; since30: number }, FactReviews>(`
  WITH ${STUDENTS_CTE}, ${ASSIGNED_CTE}
  SELECT r.user_id AS userId, r.card_id AS cardId, min(r.reviewed_at) AS firstAt, max(r.reviewed_at) AS lastAt,
         sum(r.reviewed_at >= @since7) AS reviews7d,
         sum(r.state_before = 2 AND r.reviewed_at >= @since30) AS mature30,
         sum(r.state_before = 2 AND r.reviewed_at >= @since30 AND r.rating > 1) AS passed30,
         sum(r.state_before = 2) AS matureAll,
         sum(r.state_before = 2 AND r.rating = 1) AS lapsesAll
  FROM review_logs r
  WHERE r.undone_at IS NULL AND r.user_id IN (SELECT user_id FROM students) AND r.card_id IN (SELECT id FROM assigned)
  GROUP BY r.user_id, r.card_id
`);

// SQLite fills bare columns of a max() aggregate from the row holding the max: the last review's stability.
const lastReviewStmt = db.$client.prepare<Scope & { at: number }, FactLastReview>(`
  WITH ${STUDENTS_CTE}, ${ASSIGNED_CTE}
  SELECT r.user_id AS userId, r.card_id AS cardId, max(r.reviewed_at) AS at, r.stability_after AS stability
  FROM review_logs r
  WHERE r.undone_at IS NULL AND r.reviewed_at <= @at
    AND r.user_id IN (SELECT user_id FROM students) AND r.card_id IN (SELECT id FROM assigned)
  GROUP BY r.user_id, r.card_id
`);

// Today's memory state is the card_states cache (equal to replaying the log), cheaper than the log.
const currentStateStmt = db.$client.prepare<Scope, FactLastReview>(`
  WITH ${STUDENTS_CTE}, ${ASSIGNED_CTE}
  SELECT s.user_id AS userId, s.card_id AS cardId, s.last_review AS at, s.stability
  FROM card_states s
  WHERE s.last_review IS NOT NULL AND s.state != 0
    AND s.user_id IN (SELECT user_id FROM students) AND s.card_id IN (SELECT id FROM assigned)
`);

const quizBestStmt = db.$client.prepare<Scope & { dueAt: number }, FactQuizBest>(`
  WITH ${STUDENTS_CTE}
  SELECT q.user_id AS userId, max(q.correct_count * 1.0 / q.question_count) AS best,
         max(CASE WHEN q.finished_at <= @dueAt THEN q.correct_count * 1.0 / q.question_count END) AS bestByDue
  FROM quiz_attempts q JOIN assignments a ON a.id = @assignmentId
  WHERE q.deck_id = a.deck_id AND q.finished_at IS NOT NULL AND q.question_count > 0
    AND q.user_id IN (SELECT user_id FROM students)
  GROUP BY q.user_id
`);

const headerStmt = db.$client.prepare<{ assignmentId: number; classId: number }, AssignmentFactsHeader>(`
  SELECT id, due_at AS dueAt, created_at AS createdAt, goal_quiz_score AS goalQuizScore, goal_recall AS goalRecall
  FROM assignments WHERE id = @assignmentId AND class_id = @classId
`);

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

function parseWeights(raw: string | null): number[] | null {
  if (raw === null) return null;
  const parsed: unknown = JSON.parse(raw);
  return Array.isArray(parsed) && parsed.every((w) => typeof w === 'number') ? parsed : null;
}

/** Everything the per-student and per-section analytics need; undefined if the assignment is not the class's. */
export function assignmentFacts(scope: Scope, now: Date): AssignmentFacts | undefined {
  const assignment = headerStmt.get(scope);
  if (!assignment) return undefined;
  const t = now.getTime();
  return {
    assignment,
    students: studentsStmt.all(scope).map((s) => ({ ...s, weights: parseWeights(s.weights) })),
    cards: cardsStmt.all(scope),
    reviews: reviewsStmt.all({ ...scope, since7: t - 7 * DAY_MS, since30: t - 30 * DAY_MS }),
    lastBeforeDue: lastReviewStmt.all({ ...scope, at: assignment.dueAt }),
    lastBeforeNow: currentStateStmt.all(scope),
    quizBest: quizBestStmt.all({ ...scope, dueAt: assignment.dueAt }),
  };
}

const quizCountsStmt = db.$client.prepare<Scope, { cardId: number; answers: number; correct: number }>(`
  WITH ${STUDENTS_CTE}, ${ASSIGNED_CTE}
  SELECT qa.card_id AS cardId, count(*) AS answers, sum(qa.correct) AS correct
  FROM quiz_answers qa JOIN quiz_attempts q ON q.id = qa.attempt_id
  WHERE q.user_id IN (SELECT user_id FROM students) AND qa.card_id IN (SELECT id FROM assigned)
  GROUP BY qa.card_id
`);

// mcq answers one by one: the response is a shown index, decoded in lib/teach/mcq-choice.ts.
const mcqAnswersStmt = db.$client.prepare<Scope, { attemptId: number; cardId: number; response: string }>(`
  WITH ${STUDENTS_CTE}, ${ASSIGNED_CTE}
  SELECT qa.attempt_id AS attemptId, qa.card_id AS cardId, qa.response
  FROM quiz_answers qa JOIN quiz_attempts q ON q.id = qa.attempt_id JOIN cards c ON c.id = qa.card_id
  WHERE c.type = 'mcq' AND q.user_id IN (SELECT user_id FROM students) AND qa.card_id IN (SELECT id FROM assigned)
`);

const mcqPayloadStmt = db.$client.prepare<Scope, { cardId: number; payload: string }>(`
  WITH ${ASSIGNED_CTE}
  SELECT c.id AS cardId, c.payload FROM cards c WHERE c.type = 'mcq' AND c.id IN (SELECT id FROM assigned)
`);

/** Quiz answer counts per assigned card for the roster, and the mcq option texts to name distractors. */
export function itemQuizFacts(scope: Scope): { quiz: Map<number, ItemQuizCounts>; optionTexts: Map<number, string[]> } {
  const optionTexts = new Map<number, string[]>();
  const correctIndex = new Map<number, number>();
  for (const row of mcqPayloadStmt.all(scope)) {
    const options = (JSON.parse(row.payload) as { options?: { text: string; correct: boolean }[] }).options ?? [];
    optionTexts.set(row.cardId, options.map((o) => o.text));
    correctIndex.set(row.cardId, options.findIndex((o) => o.correct));
  }
  const quiz = new Map<number, ItemQuizCounts>();
  for (const row of quizCountsStmt.all(scope)) {
    quiz.set(row.cardId, { answers: row.answers, correct: row.correct, choiceCounts: new Map(), correctIndex: correctIndex.get(row.cardId) ?? null });
  }
  for (const row of mcqAnswersStmt.all(scope)) {
    const counts = quiz.get(row.cardId)?.choiceCounts as Map<number, number> | undefined;
    const choice = originalChoice(parseJson(row.response), row.attemptId, row.cardId, optionTexts.get(row.cardId)?.length ?? 0);
    if (counts && choice !== null) counts.set(choice, (counts.get(choice) ?? 0) + 1);
  }
  return { quiz, optionTexts };
}
