/**
 * Starting an assignment's own quiz (issue 16) as a student: only a student of the assignment's
 * class (not archived) may, only while they have attempts left, and an attempt left open is
 * continued rather than a second one started. The attempt is linked to the assignment in the same
 * transaction, so it is an attempt of that quiz from its first moment; only these count toward
 * the goal (db/queries/assignment-facts.ts, student-assignments.ts).
 */
import 'server-only';
import { db } from '@/db';
import { attemptsLeft, quizSections } from '@/lib/teach/assignment-quiz';
import { jsonColumn, stringList } from '@/db/json-column';
// ENGINE-MERGE: await canStudyDeck(…) from './access' (or canStudyDeckIn(tx, …) inside a transaction) once this module is on the engine.
import { canStudyDeckSync } from './access-legacy';
import { quizSpecOf } from './assignments';
import { insertDrawnAttempt, refuse, type Refused } from './quizzes';

interface StudentAssignmentRow {
  id: number;
  deckId: string;
  sectionKeys: string | null;
  goalQuizScore: number | null;
  quizSectionKeys: string | null;
  quizQuestions: number | null;
  quizTypes: string | null;
  quizAttempts: number | null;
  quizFeedback: 'immediate' | 'end';
}

const stmts = {
  assignment: db.$client.prepare<{ userId: number; assignmentId: number }, StudentAssignmentRow>(`
    SELECT a.id, a.deck_id AS deckId, a.section_keys AS sectionKeys, a.goal_quiz_score AS goalQuizScore,
           a.quiz_section_keys AS quizSectionKeys, a.quiz_questions AS quizQuestions, a.quiz_types AS quizTypes,
           a.quiz_attempts AS quizAttempts, a.quiz_feedback AS quizFeedback
    FROM assignments a JOIN classes cl ON cl.id = a.class_id JOIN enrollments e ON e.class_id = cl.id AND e.user_id = @userId
    WHERE a.id = @assignmentId AND cl.archived_at IS NULL`),
  mine: db.$client.prepare<{ userId: number; assignmentId: number }, { used: number; openAttemptId: number | null }>(`
    SELECT count(*) AS used, max(CASE WHEN q.finished_at IS NULL THEN q.id END) AS openAttemptId
    FROM assignment_quiz_attempts aq JOIN quiz_attempts q ON q.id = aq.attempt_id
    WHERE aq.assignment_id = @assignmentId AND q.user_id = @userId AND aq.legacy = 0`),
  link: db.$client.prepare<{ assignmentId: number; attemptId: number }>(
    'INSERT INTO assignment_quiz_attempts (assignment_id, attempt_id, legacy) VALUES (@assignmentId, @attemptId, 0)',
  ),
};

/**
 * Starts (or continues) `userId`'s attempt at the quiz of `assignmentId`.
 * `continued` is true when an attempt was already open and is returned instead of a new one.
 */
export function startAssignmentQuiz(
  userId: number,
  assignmentId: number,
  now: Date,
  random: () => number = Math.random,
): { ok: true; attemptId: number; continued: boolean } | Refused {
  return db.$client.transaction((): { ok: true; attemptId: number; continued: boolean } | Refused => {
    const row = stmts.assignment.get({ userId, assignmentId });
    if (!row || !canStudyDeckSync(userId, row.deckId)) return refuse('not_found', 'This assignment does not exist or is not one of yours.');
    if (row.goalQuizScore === null) return refuse('no_quiz', 'This assignment has no quiz.');
    const mine = stmts.mine.get({ userId, assignmentId }) ?? { used: 0, openAttemptId: null };
    if (mine.openAttemptId !== null) return { ok: true, attemptId: mine.openAttemptId, continued: true };
    const spec = quizSpecOf(row);
    if (attemptsLeft(spec, mine.used) === 0) return refuse('no_attempts_left', 'You have used every attempt at this quiz.');
    const assigned = row.sectionKeys === null ? null : jsonColumn(row.sectionKeys, stringList, 'assignments.section_keys');
    const attemptId = insertDrawnAttempt(
      userId,
      { deckId: row.deckId, sectionKeys: quizSections(spec, assigned), types: spec.types, count: spec.questions, feedback: spec.feedback },
      now,
      random,
    );
    if (attemptId === null) return refuse('no_questions', 'This quiz has no questions yet. Tell your instructor.');
    stmts.link.run({ assignmentId, attemptId });
    return { ok: true, attemptId, continued: false };
  }).immediate();
}
