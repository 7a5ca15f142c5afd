/**
 * A student's own assignments, for the Today panel: what is due when, how far they are and
 * whether they are on track. Only classes the student is enrolled in, and not archived ones.
 *
 * Today is the page every student opens every day, so this is a few aggregate statements for all
 * assignments together, not the class analytics run once per assignment (that read the student's
 * review log for every assigned card: ~9 ms per assignment for a 10,000-card student). Until the
 * due date, "studied" and the memory at the due date come from card_states (the last review so far
 * is the last one before the due date); only assignments already past due read the review log, one
 * index seek per assigned card.
 */
import 'server-only';
import { db } from '@/db';
import '@/db/recall-function';
import { mean, studentStatus, type AssignmentStatus } from '@/lib/teach/progress';
import { ASSIGNED_CARD_SQL, ASSIGNMENT_QUIZ_CARD_SQL, lastReviewIdSql, quizSpecOf } from './assignments';
import { attemptsLeft, type AssignmentQuizSpec } from '@/lib/teach/assignment-quiz';
import { jsonColumn, stringList } from '@/db/json-column';
import { effectiveDueSql, extendedSql } from './extensions';

export interface StudentAssignment {
  id: number;
  classId: number;
  className: string;
  /** The class's time zone: the due date is a wall-clock time there (and so is "a week late"). */
  classTimeZone: string;
  deckId: string;
  deckTitle: string;
  /** Section titles in deck order; empty when the whole deck is assigned. */
  sectionTitles: string[];
  /** The due date that applies to this student: theirs if they have an extension (effectiveDueSql). */
  dueAt: number;
  /** They have an extension: dueAt is later than the class's due date. */
  extended: boolean;
  assigned: number;
  studied: number;
  /** Percent, 0–100, or null. */
  goalQuizScore: number | null;
  bestQuiz: number | null;
  goalRecall: number | null;
  recallAtDue: number;
  status: AssignmentStatus;
  /** The assignment's quiz and how far the student is with it (only meaningful with a quiz goal). */
  quiz: AssignmentQuizSpec & { available: number; used: number; left: number | null; openAttemptId: number | null };
}

interface MineRow {
  id: number;
  classId: number;
  className: string;
  classTimeZone: string;
  deckId: string;
  deckTitle: string;
  titles: string | null;
  sectionKeys: string | null;
  dueAt: number;
  extended: number;
  createdAt: number;
  joinedAt: number;
  goalQuizScore: number | null;
  goalRecall: number | null;
  quizSectionKeys: string | null;
  quizQuestions: number | null;
  quizTypes: string | null;
  quizAttempts: number | null;
  quizFeedback: 'immediate' | 'end';
  quizAvailable: number;
}

const mineStmt = db.$client.prepare<{ userId: number }, MineRow>(`
  SELECT a.id, cl.id AS classId, cl.name AS className, cl.time_zone AS classTimeZone, a.deck_id AS deckId, d.title AS deckTitle, a.section_keys AS sectionKeys,
         ${effectiveDueSql('@userId')} AS dueAt, ${extendedSql('@userId')} AS extended, a.created_at AS createdAt, e.joined_at AS joinedAt,
         a.goal_quiz_score AS goalQuizScore, a.goal_recall AS goalRecall,
         a.quiz_section_keys AS quizSectionKeys, a.quiz_questions AS quizQuestions, a.quiz_types AS quizTypes,
         a.quiz_attempts AS quizAttempts, a.quiz_feedback AS quizFeedback,
         (SELECT count(*) FROM cards c JOIN sections sec ON sec.id = c.section_id WHERE ${ASSIGNMENT_QUIZ_CARD_SQL}) AS quizAvailable,
         (SELECT json_group_array(title) FROM (SELECT s.title FROM sections s WHERE s.deck_id = a.deck_id
            AND s.key IN (SELECT value FROM json_each(a.section_keys)) ORDER BY s.position)) AS titles
  FROM enrollments e JOIN classes cl ON cl.id = e.class_id JOIN assignments a ON a.class_id = cl.id JOIN decks d ON d.id = a.deck_id
  WHERE e.user_id = @userId AND cl.archived_at IS NULL
  ORDER BY dueAt, a.id
`);

// The raw assignment columns ASSIGNED_CARD_SQL expects, under the alias `a`; due_at is the
// student's own due date (their extension, if any), so every figure below is as of their date.
const MY_ASSIGNMENTS_SQL = `
  SELECT a.id, a.deck_id, a.section_keys, ${effectiveDueSql('@userId')} AS due_at
  FROM enrollments e JOIN classes cl ON cl.id = e.class_id JOIN assignments a ON a.class_id = cl.id
  WHERE e.user_id = @userId AND cl.archived_at IS NULL`;

const weightsStmt = db.$client.prepare<{ userId: number }, string | null>('SELECT fsrs_weights FROM user_settings WHERE user_id = @userId').pluck();

// Per assignment: items, items studied so far, and the sum of predicted recall at the due date
// from the current memory state (right until the due date; past it, see lastBeforeDueStmt).
const progressStmt = db.$client.prepare<{ userId: number; weights: string | null }, { id: number; assigned: number; studied: number; recallSum: number }>(`
  WITH a AS MATERIALIZED (${MY_ASSIGNMENTS_SQL})
  SELECT a.id, count(*) AS assigned, count(s.card_id) AS studied,
         coalesce(sum(recall_at(s.last_review, s.stability, a.due_at, @weights)), 0) AS recallSum
  FROM a JOIN cards c ON c.deck_id = a.deck_id JOIN sections sec ON sec.id = c.section_id
  LEFT JOIN card_states s ON s.user_id = @userId AND s.card_id = c.id AND s.state != 0
  WHERE ${ASSIGNED_CARD_SQL}
  GROUP BY a.id
`);

// Past the due date: what the log says as of the due date (the latest review at or before it, per card).
const lastBeforeDueStmt = db.$client.prepare<{ userId: number; assignmentId: number; dueAt: number; weights: string | null }, { studiedByDue: number; recallSum: number }>(`
  WITH last AS (
    SELECT ${lastReviewIdSql('@userId', 'c.id', '@dueAt')} AS logId
    FROM assignments a JOIN cards c ON c.deck_id = a.deck_id JOIN sections sec ON sec.id = c.section_id
    WHERE a.id = @assignmentId AND ${ASSIGNED_CARD_SQL}
  )
  SELECT count(r.id) AS studiedByDue, coalesce(sum(recall_at(r.reviewed_at, r.stability_after, @dueAt, @weights)), 0) AS recallSum
  FROM last JOIN review_logs r ON r.id = last.logId
`);

// Per assignment: the best finished attempt of its own quiz (ever and by the due date), the attempts
// the student has started (the legacy ones, taken before assignment quizzes, are not counted
// against the limit) and the attempt left open, to continue it.
const quizStmt = db.$client.prepare<{ userId: number }, { id: number; best: number | null; bestByDue: number | null; used: number; openAttemptId: number | null }>(`
  WITH a AS MATERIALIZED (${MY_ASSIGNMENTS_SQL})
  SELECT a.id,
         max(CASE WHEN q.finished_at IS NOT NULL AND q.question_count > 0 THEN q.correct_count * 1.0 / q.question_count END) AS best,
         max(CASE WHEN q.finished_at <= a.due_at AND q.question_count > 0 THEN q.correct_count * 1.0 / q.question_count END) AS bestByDue,
         sum(aq.legacy = 0) AS used,
         max(CASE WHEN q.finished_at IS NULL THEN q.id END) AS openAttemptId
  FROM a JOIN assignment_quiz_attempts aq ON aq.assignment_id = a.id JOIN quiz_attempts q ON q.id = aq.attempt_id AND q.user_id = @userId
  GROUP BY a.id
`);

/** The student's assignments, soonest due first, with their progress at `now`. */
export function assignmentsForStudent(userId: number, now: Date): StudentAssignment[] {
  const mine = mineStmt.all({ userId });
  if (mine.length === 0) return [];
  const t = now.getTime();
  const weights = weightsStmt.get({ userId }) ?? null;
  const progress = new Map(progressStmt.all({ userId, weights }).map((p) => [p.id, p]));
  const quiz = new Map(quizStmt.all({ userId }).map((q) => [q.id, q]));
  return mine.map((a) => {
    const p = progress.get(a.id) ?? { assigned: 0, studied: 0, recallSum: 0 };
    const byDue = a.dueAt < t ? lastBeforeDueStmt.get({ userId, assignmentId: a.id, dueAt: a.dueAt, weights }) : undefined;
    const studiedByDue = byDue ? byDue.studiedByDue : p.studied;
    const recallAtDue = mean(byDue ? byDue.recallSum : p.recallSum, p.assigned);
    const q = quiz.get(a.id);
    const spec = quizSpecOf(a);
    const { status } = studentStatus(
      a,
      { assigned: p.assigned, studiedNow: p.studied, studiedByDue, bestQuizByDue: q?.bestByDue ?? null, recallAtDue, startAt: Math.max(a.createdAt, a.joinedAt) },
      t,
    );
    return {
      id: a.id,
      classId: a.classId,
      className: a.className,
      classTimeZone: a.classTimeZone,
      deckId: a.deckId,
      deckTitle: a.deckTitle,
      sectionTitles: a.sectionKeys === null ? [] : jsonColumn(a.titles ?? '[]', stringList, 'section titles'),
      dueAt: a.dueAt,
      extended: a.extended === 1,
      assigned: p.assigned,
      studied: p.studied,
      goalQuizScore: a.goalQuizScore,
      bestQuiz: q?.best ?? null,
      goalRecall: a.goalRecall,
      recallAtDue,
      status,
      quiz: { ...spec, available: a.quizAvailable, used: q?.used ?? 0, left: attemptsLeft(spec, q?.used ?? 0), openAttemptId: q?.openAttemptId ?? null },
    };
  });
}
