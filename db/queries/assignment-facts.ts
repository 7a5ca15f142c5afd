/**
 * The facts class analytics are computed from, for one assignment: the roster, the assigned
 * cards, and review, memory and quiz numbers summed per student and per card in SQL, so a class
 * of 200 costs a handful of statements and a few hundred rows, not a row per (student, card).
 * Callers must already have checked that the asking user may see this class.
 *
 * The review-log sums read only the covering index review_logs_user_card. Memory at the due date
 * is today's card state unless the card was reviewed since the due date; only those cards read
 * the log (one seek each) for the state they had then. "The due date" is each student's own
 * (effectiveDueSql: an extension moves it), so status, studied-by-due, quiz-by-due and memory at
 * the due date are all as of the date that student works to.
 */
import 'server-only';
import { db } from '@/db';
import '@/db/recall-function';
import type { AssignmentFacts, AssignmentFactsHeader, FactCard, FactStudent } from '@/lib/teach/class-analytics';
import { discriminationByCard, type StudentCardScore } from '@/lib/teach/discrimination';
import type { ItemQuizCounts } from '@/lib/teach/item-analysis';
import { originalChoice } from '@/lib/teach/mcq-choice';
import { ASSIGNED_CARD_SQL, lastReviewIdSql } from './assignments';
import { effectiveDueSql, extendedSql } from './extensions';

const DAY_MS = 86_400_000;

interface Scope {
  assignmentId: number;
  classId: number;
  /**
   * One student of the class instead of the whole roster (the student detail page): the student's
   * own numbers are the same either way, and the per-card sums become that student's.
   */
  onlyUserId?: number | null;
}

type BoundScope = Scope & { onlyUserId: number | null };

function bound(scope: Scope): BoundScope {
  return { assignmentId: scope.assignmentId, classId: scope.classId, onlyUserId: scope.onlyUserId ?? null };
}

const ONLY_STUDENT_SQL = '(@onlyUserId IS NULL OR e.user_id = @onlyUserId)';

const STUDENTS_CTE = `students AS MATERIALIZED (SELECT e.user_id, us.fsrs_weights AS weights, ${effectiveDueSql('e.user_id')} AS due_at
  FROM enrollments e JOIN assignments a ON a.id = @assignmentId
  LEFT JOIN user_settings us ON us.user_id = e.user_id WHERE e.class_id = @classId AND ${ONLY_STUDENT_SQL})`;
const ASSIGNED_CTE = `assigned AS MATERIALIZED (SELECT c.id FROM assignments a JOIN cards c ON c.deck_id = a.deck_id JOIN sections sec ON sec.id = c.section_id
  WHERE a.id = @assignmentId AND ${ASSIGNED_CARD_SQL})`;

type RosterRow = Pick<FactStudent, 'userId' | 'name' | 'email' | 'joinedAt' | 'dueAt'> & { extended: number };

const rosterStmt = db.$client.prepare<BoundScope, RosterRow>(`
  SELECT u.id AS userId, u.name, u.email, e.joined_at AS joinedAt,
         ${effectiveDueSql('e.user_id')} AS dueAt, ${extendedSql('e.user_id')} AS extended
  FROM enrollments e JOIN users u ON u.id = e.user_id JOIN assignments a ON a.id = @assignmentId
  WHERE e.class_id = @classId AND ${ONLY_STUDENT_SQL}
  ORDER BY u.name COLLATE NOCASE, u.id
`);

type CardRow = Pick<FactCard, 'cardId' | 'itemId' | 'type' | 'prompt' | 'sectionKey' | 'sectionTitle'>;

const cardsStmt = db.$client.prepare<{ assignmentId: number }, CardRow>(`
  SELECT c.id AS cardId, c.item_id AS itemId, c.type, c.prompt, sec.key AS sectionKey, sec.title AS sectionTitle
  FROM assignments a JOIN cards c ON c.deck_id = a.deck_id JOIN sections sec ON sec.id = c.section_id
  WHERE a.id = @assignmentId AND ${ASSIGNED_CARD_SQL}
  ORDER BY sec.position, c.position
`);

type LogSumRow = Pick<FactStudent, 'studied' | 'studiedByDue' | 'reviews7d' | 'mature30' | 'passed30' | 'lastAt'> &
  Pick<FactCard, 'matureAll' | 'lapsesAll'> & { kind: 'student' | 'card'; id: number };

// One pass over the roster's log on the assigned cards, grouped per (student, card), then summed
// per student and per card.
const logSumsStmt = db.$client.prepare<BoundScope & { since7: number; since30: number }, LogSumRow>(`
  WITH ${STUDENTS_CTE}, ${ASSIGNED_CTE},
  pairs AS MATERIALIZED (
    SELECT r.user_id AS userId, r.card_id AS cardId, min(r.reviewed_at) AS firstAt, max(r.reviewed_at) AS lastAt,
           sum(r.reviewed_at >= @since7) AS reviews7d,
           sum(r.state_before = 2 AND r.reviewed_at >= @since30) AS mature30,
           sum(r.state_before = 2 AND r.reviewed_at >= @since30 AND r.rating > 1) AS passed30,
           sum(r.state_before = 2) AS matureAll,
           sum(r.state_before = 2 AND r.rating = 1) AS lapsesAll
    FROM review_logs r
    WHERE r.undone_at IS NULL AND r.user_id IN (SELECT user_id FROM students) AND r.card_id IN (SELECT id FROM assigned)
    GROUP BY r.user_id, r.card_id
  )
  SELECT 'student' AS kind, userId AS id, count(*) AS studied, sum(firstAt <= st.due_at) AS studiedByDue, sum(reviews7d) AS reviews7d,
         sum(mature30) AS mature30, sum(passed30) AS passed30, max(lastAt) AS lastAt, 0 AS matureAll, 0 AS lapsesAll
  FROM pairs JOIN students st ON st.user_id = pairs.userId GROUP BY userId
  UNION ALL
  SELECT 'card', cardId, count(*), 0, 0, 0, 0, NULL, sum(matureAll), sum(lapsesAll)
  FROM pairs GROUP BY cardId
`);

interface RecallRow {
  kind: 'student-due' | 'card-due' | 'card-now';
  id: number;
  recallSum: number;
}

// Each student's memory of each studied card now, from the card_states cache (equal to a replay of the log).
const STATES_CTE = `states AS MATERIALIZED (
    SELECT s.user_id AS userId, s.card_id AS cardId, s.last_review AS at, s.stability
    FROM card_states s
    WHERE s.user_id IN (SELECT user_id FROM students) AND s.card_id IN (SELECT id FROM assigned) AND s.state != 0 AND s.last_review IS NOT NULL
  )`;

// Each student's memory at their own due date: a due date ahead grows from today's state; a due
// date passed takes the state each card was left in by its last review at or before it, which is
// today's state unless the card was reviewed since (only those read the log, one seek each).
// recall_at() is a call into JavaScript: once per (student, card) and instant, summed twice.
const recallStmt = db.$client.prepare<BoundScope & { now: number }, RecallRow>(`
  WITH ${STUDENTS_CTE}, ${ASSIGNED_CTE}, ${STATES_CTE},
  due AS MATERIALIZED (
    SELECT s.userId, s.cardId, s.at, s.stability, st.due_at AS dueAt, st.weights
    FROM states s JOIN students st ON st.user_id = s.userId WHERE s.at <= st.due_at
    UNION ALL
    SELECT s.userId, s.cardId, r.reviewed_at, r.stability_after, st.due_at, st.weights
    FROM states s JOIN students st ON st.user_id = s.userId
    JOIN review_logs r ON r.id = ${lastReviewIdSql('s.userId', 's.cardId', 'st.due_at')}
    WHERE s.at > st.due_at
  ),
  recallDue AS MATERIALIZED (SELECT userId, cardId, recall_at(at, stability, dueAt, weights) AS r FROM due)
  SELECT 'card-now' AS kind, cardId AS id, sum(recall_at(at, stability, @now, st.weights)) AS recallSum
  FROM states JOIN students st ON st.user_id = states.userId GROUP BY cardId
  UNION ALL
  SELECT 'card-due', cardId, sum(r) FROM recallDue GROUP BY cardId
  UNION ALL
  SELECT 'student-due', userId, sum(r) FROM recallDue GROUP BY userId
`);

// Only finished attempts of the assignment's own quiz count (issue 16); practice quizzes never do.
const quizBestStmt = db.$client.prepare<BoundScope, { userId: number; best: number | null; bestByDue: number | null }>(`
  WITH ${STUDENTS_CTE}
  SELECT q.user_id AS userId, max(q.correct_count * 1.0 / q.question_count) AS best,
         max(CASE WHEN q.finished_at <= st.due_at THEN q.correct_count * 1.0 / q.question_count END) AS bestByDue
  FROM assignment_quiz_attempts aq JOIN quiz_attempts q ON q.id = aq.attempt_id JOIN students st ON st.user_id = q.user_id
  WHERE aq.assignment_id = @assignmentId AND q.finished_at IS NOT NULL AND q.question_count > 0
  GROUP BY q.user_id
`);

const headerStmt = db.$client.prepare<Scope, AssignmentFactsHeader>(`
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

/** Everything the per-student, per-section and per-item analytics need; undefined if the assignment is not the class's. */
export function assignmentFacts(given: Scope, now: Date): AssignmentFacts | undefined {
  const scope = bound(given);
  const assignment = headerStmt.get(scope);
  if (!assignment) return undefined;
  const t = now.getTime();
  const logs = logSumsStmt.all({ ...scope, since7: t - 7 * DAY_MS, since30: t - 30 * DAY_MS });
  const recall = recallStmt.all({ ...scope, now: t });
  const quiz = new Map(quizBestStmt.all(scope).map((q) => [q.userId, q]));
  const studentLogs = new Map(logs.filter((r) => r.kind === 'student').map((r) => [r.id, r]));
  const cardLogs = new Map(logs.filter((r) => r.kind === 'card').map((r) => [r.id, r]));
  const recallOf = (kind: RecallRow['kind']) => new Map(recall.filter((r) => r.kind === kind).map((r) => [r.id, r.recallSum]));
  const [studentDue, cardDue, cardNow] = [recallOf('student-due'), recallOf('card-due'), recallOf('card-now')];
  return {
    assignment,
    students: rosterStmt.all(scope).map((s) => {
      const l = studentLogs.get(s.userId);
      const q = quiz.get(s.userId);
      return {
        ...s,
        extended: s.extended === 1,
        studied: l?.studied ?? 0,
        studiedByDue: l?.studiedByDue ?? 0,
        reviews7d: l?.reviews7d ?? 0,
        mature30: l?.mature30 ?? 0,
        passed30: l?.passed30 ?? 0,
        lastAt: l?.lastAt ?? null,
        recallDueSum: studentDue.get(s.userId) ?? 0,
        best: q?.best ?? null,
        bestByDue: q?.bestByDue ?? null,
      };
    }),
    cards: cardsStmt.all(scope).map((c) => {
      const l = cardLogs.get(c.cardId);
      return {
        ...c,
        studiedBy: l?.studied ?? 0,
        matureAll: l?.matureAll ?? 0,
        lapsesAll: l?.lapsesAll ?? 0,
        recallNowSum: cardNow.get(c.cardId) ?? 0,
        recallDueSum: cardDue.get(c.cardId) ?? 0,
      };
    }),
  };
}

const quizCountsStmt = db.$client.prepare<BoundScope, { cardId: number; answers: number; correct: number }>(`
  WITH ${STUDENTS_CTE}, ${ASSIGNED_CTE}
  SELECT qa.card_id AS cardId, count(*) AS answers, sum(qa.correct) AS correct
  FROM quiz_answers qa JOIN quiz_attempts q ON q.id = qa.attempt_id
  WHERE q.user_id IN (SELECT user_id FROM students) AND qa.card_id IN (SELECT id FROM assigned)
  GROUP BY qa.card_id
`);

// Per student and card, for the discrimination index (each student's rest-of-quizzes score).
const studentCardStmt = db.$client.prepare<BoundScope, StudentCardScore>(`
  WITH ${STUDENTS_CTE}, ${ASSIGNED_CTE}
  SELECT q.user_id AS userId, qa.card_id AS cardId, count(*) AS answers, sum(qa.correct) AS correct
  FROM quiz_answers qa JOIN quiz_attempts q ON q.id = qa.attempt_id
  WHERE q.user_id IN (SELECT user_id FROM students) AND qa.card_id IN (SELECT id FROM assigned)
  GROUP BY q.user_id, qa.card_id
`);

// mcq answers one by one: the response is a shown index, decoded in lib/teach/mcq-choice.ts.
const mcqAnswersStmt = db.$client.prepare<BoundScope, { attemptId: number; cardId: number; response: string }>(`
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
export function itemQuizFacts(given: Scope): { quiz: Map<number, ItemQuizCounts>; optionTexts: Map<number, string[]> } {
  const scope = bound(given);
  const optionTexts = new Map<number, string[]>();
  const correctIndex = new Map<number, number>();
  for (const row of mcqPayloadStmt.all(scope)) {
    const options = (JSON.parse(row.payload) as { options?: { text: string; correct: boolean }[] }).options ?? [];
    optionTexts.set(row.cardId, options.map((o) => o.text));
    correctIndex.set(row.cardId, options.findIndex((o) => o.correct));
  }
  const quiz = new Map<number, ItemQuizCounts>();
  const discrimination = discriminationByCard(studentCardStmt.all(scope));
  for (const row of quizCountsStmt.all(scope)) {
    quiz.set(row.cardId, {
      answers: row.answers,
      correct: row.correct,
      choiceCounts: new Map(),
      correctIndex: correctIndex.get(row.cardId) ?? null,
      discrimination: discrimination.get(row.cardId),
    });
  }
  for (const row of mcqAnswersStmt.all(scope)) {
    const counts = quiz.get(row.cardId)?.choiceCounts as Map<number, number> | undefined;
    const choice = originalChoice(parseJson(row.response), row.attemptId, row.cardId, optionTexts.get(row.cardId)?.length ?? 0);
    if (counts && choice !== null) counts.set(choice, (counts.get(choice) ?? 0) + 1);
  }
  return { quiz, optionTexts };
}
