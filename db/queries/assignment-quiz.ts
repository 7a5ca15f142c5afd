/**
 * Starting an assignment's own quiz (issue 16) as a student: only a student of the assignment's
 * class (not archived) may, only while they have attempts left, and an attempt left open is
 * continued rather than a second one started. The attempt is linked to the assignment in the same
 * transaction, so it is an attempt of that quiz from its first moment; only these count toward
 * the goal (db/queries/assignment-facts.ts, student-assignments.ts).
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { bare } from '@/db/engine/fragments';
import { int, jsonText } from '@/db/engine/rows';
import { assignmentQuizAttempts, assignments, classes, enrollments, quizAttempts } from '@/db/schema';
import { stringList } from '@/db/json-column';
import { attemptsLeft, quizSections } from '@/lib/teach/assignment-quiz';
import { quizSpecOf } from './assignments';
import { deckStudiableIn } from './quiz-data';
import { insertDrawnAttemptIn, refuse, type Refused } from './quizzes';
import { studySettingsFor } from './settings';

// The quiz columns stay JSON text: assignments.ts quizSpecOf decodes them (one decoder for the spec).
const assignmentRow = z.object({
  id: int,
  deckId: z.string(),
  sectionKeys: jsonText(stringList).nullable(),
  goalQuizScore: z.number().nullable(),
  quizSectionKeys: z.string().nullable(),
  quizQuestions: int.nullable(),
  quizTypes: z.string().nullable(),
  quizAttempts: int.nullable(),
  quizFeedback: z.enum(['immediate', 'end']),
});

/**
 * Starts (or continues) `userId`'s attempt at the quiz of `assignmentId`.
 * `continued` is true when an attempt was already open and is returned instead of a new one.
 */
export async function startAssignmentQuiz(
  userId: number,
  assignmentId: number,
  now: Date,
  random: () => number = Math.random,
): Promise<{ ok: true; attemptId: number; continued: boolean } | Refused> {
  const settings = await studySettingsFor(userId);
  const db = await engine();
  return db.transaction(async (tx): Promise<{ ok: true; attemptId: number; continued: boolean } | Refused> => {
    const f = tx.fragments;
    const row = await tx.get(
      sql`SELECT ${assignments.id} AS "id", ${assignments.deckId} AS "deckId", ${f.jsonText(assignments.sectionKeys)} AS "sectionKeys",
            ${assignments.goalQuizScore} AS "goalQuizScore", ${f.jsonText(assignments.quizSectionKeys)} AS "quizSectionKeys",
            ${assignments.quizQuestions} AS "quizQuestions", ${f.jsonText(assignments.quizTypes)} AS "quizTypes",
            ${assignments.quizAttempts} AS "quizAttempts", ${assignments.quizFeedback} AS "quizFeedback"
          FROM ${assignments} JOIN ${classes} ON ${classes.id} = ${assignments.classId}
          JOIN ${enrollments} ON ${enrollments.classId} = ${classes.id} AND ${enrollments.userId} = ${userId}
          WHERE ${assignments.id} = ${assignmentId} AND ${classes.archivedAt} IS NULL`,
      assignmentRow,
    );
    if (!row || !(await deckStudiableIn(tx, userId, row.deckId))) return refuse('not_found', 'This assignment does not exist or is not one of yours.');
    if (row.goalQuizScore === null) return refuse('no_quiz', 'This assignment has no quiz.');
    const mine = (await tx.get(
      sql`SELECT count(*) AS "used", max(CASE WHEN ${quizAttempts.finishedAt} IS NULL THEN ${quizAttempts.id} END) AS "openAttemptId"
          FROM ${assignmentQuizAttempts} JOIN ${quizAttempts} ON ${quizAttempts.id} = ${assignmentQuizAttempts.attemptId}
          WHERE ${assignmentQuizAttempts.assignmentId} = ${assignmentId} AND ${quizAttempts.userId} = ${userId} AND ${assignmentQuizAttempts.legacy} = ${f.bool(false)}`,
      z.object({ used: int, openAttemptId: int.nullable() }),
    )) ?? { used: 0, openAttemptId: null };
    if (mine.openAttemptId !== null) return { ok: true, attemptId: mine.openAttemptId, continued: true };
    const spec = quizSpecOf(row);
    if (attemptsLeft(spec, mine.used) === 0) return refuse('no_attempts_left', 'You have used every attempt at this quiz.');
    const attemptId = await insertDrawnAttemptIn(
      tx,
      userId,
      { deckId: row.deckId, sectionKeys: quizSections(spec, row.sectionKeys), types: spec.types, count: spec.questions, feedback: spec.feedback },
      settings,
      now,
      random,
    );
    if (attemptId === null) return refuse('no_questions', 'This quiz has no questions yet. Tell your instructor.');
    await tx.run(
      sql`INSERT INTO ${assignmentQuizAttempts} (${bare(assignmentQuizAttempts.assignmentId)}, ${bare(assignmentQuizAttempts.attemptId)}, ${bare(assignmentQuizAttempts.legacy)})
          VALUES (${assignmentId}, ${attemptId}, ${f.bool(false)})`,
    );
    return { ok: true, attemptId, continued: false };
  });
}
