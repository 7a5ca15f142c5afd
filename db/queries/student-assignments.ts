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
import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { engine } from '@/db/engine';
import type { Fragments } from '@/db/engine/fragments';
import { flag, int, jsonText } from '@/db/engine/rows';
import { assignmentQuizAttempts, assignments, cards, cardStates, classes, decks, enrollments, quizAttempts, reviewLogs, sections, userSettings } from '@/db/schema';
import { stringList } from '@/db/json-column';
import { mean, studentStatus, type AssignmentStatus } from '@/lib/teach/progress';
import { attemptsLeft, type AssignmentQuizSpec } from '@/lib/teach/assignment-quiz';
import { sectionTitlesOf } from './assignments';
import { a, assignedCard, assignmentQuizCard, c, lastReviewId, quizColumns, quizSpecFrom, quizSpecRow, sec } from './assignment-sql';
import { oneIf } from './assignment-facts-sql';
import { effectiveDue, extended } from './extensions';

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
  /** The due date that applies to this student: theirs if they have an extension (effectiveDue). */
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

const cl = alias(classes, 'cl');
const e = alias(enrollments, 'e');
const d = alias(decks, 'd');
const cs = alias(cardStates, 'cs');
const r = alias(reviewLogs, 'r');
const q = alias(quizAttempts, 'q');
const aq = alias(assignmentQuizAttempts, 'aq');

const mineRow = z.object({
  id: int,
  classId: int,
  className: z.string(),
  classTimeZone: z.string(),
  deckId: z.string(),
  deckTitle: z.string(),
  sectionKeys: jsonText(stringList).nullable(),
  dueAt: int,
  extended: flag,
  createdAt: int,
  joinedAt: int,
  goalQuizScore: z.number().nullable(),
  goalRecall: z.number().nullable(),
  ...quizSpecRow,
  quizAvailable: int,
});
const progressRow = z.object({ id: int, assigned: int, studied: int, recallSum: z.number() });
const byDueRow = z.object({ studiedByDue: int, recallSum: z.number() });
const quizRow = z.object({ id: int, best: z.number().nullable(), bestByDue: z.number().nullable(), used: int, openAttemptId: int.nullable() });

// The assignment columns assignedCard expects, under the name `a`; due_at is the student's own due
// date (their extension, if any), so every figure below is as of their date.
function myAssignments(f: Fragments, userId: number) {
  return sql`a AS MATERIALIZED (
    SELECT ${a.id} AS id, ${a.deckId} AS deck_id, ${a.sectionKeys} AS section_keys, ${effectiveDue(f, userId)} AS due_at
    FROM ${enrollments} ${e} JOIN ${classes} ${cl} ON ${cl.id} = ${e.classId} JOIN ${assignments} ${a} ON ${a.classId} = ${cl.id}
    WHERE ${e.userId} = ${userId} AND ${cl.archivedAt} IS NULL)`;
}

/** The student's assignments, soonest due first, with their progress at `now`. */
export async function assignmentsForStudent(userId: number, now: Date): Promise<StudentAssignment[]> {
  const db = await engine();
  const f = db.fragments;
  const mine = await db.all(
    sql`SELECT ${a.id} AS "id", ${cl.id} AS "classId", ${cl.name} AS "className", ${cl.timeZone} AS "classTimeZone", ${a.deckId} AS "deckId", ${d.title} AS "deckTitle",
           ${f.jsonText(a.sectionKeys)} AS "sectionKeys", ${effectiveDue(f, userId)} AS "dueAt", ${extended(userId)} AS "extended",
           ${a.createdAt} AS "createdAt", ${e.joinedAt} AS "joinedAt", ${a.goalQuizScore} AS "goalQuizScore", ${a.goalRecall} AS "goalRecall", ${quizColumns(f)},
           (SELECT count(*) FROM ${cards} ${c} JOIN ${sections} ${sec} ON ${sec.id} = ${c.sectionId} WHERE ${assignmentQuizCard(f)}) AS "quizAvailable"
      FROM ${enrollments} ${e} JOIN ${classes} ${cl} ON ${cl.id} = ${e.classId} JOIN ${assignments} ${a} ON ${a.classId} = ${cl.id} JOIN ${decks} ${d} ON ${d.id} = ${a.deckId}
      WHERE ${e.userId} = ${userId} AND ${cl.archivedAt} IS NULL
      ORDER BY "dueAt", ${a.id}`,
    mineRow,
  );
  if (mine.length === 0) return [];
  const t = now.getTime();
  // The student's FSRS weights (NULL: the defaults), read once per statement.
  const weights = sql`(SELECT ${userSettings.fsrsWeights} FROM ${userSettings} WHERE ${userSettings.userId} = ${userId})`;

  // Per assignment: items, items studied so far, and the sum of predicted recall at the due date
  // from the current memory state (right until the due date; past it, see byDue below).
  const progress = await db.all(
    sql`WITH ${myAssignments(f, userId)}
    SELECT ${a.id} AS "id", count(*) AS "assigned", count(${cs.cardId}) AS "studied",
           coalesce(sum(recall_at(${cs.lastReview}, ${cs.stability}, ${a.dueAt}, ${weights})), 0) AS "recallSum"
    FROM a JOIN ${cards} ${c} ON ${c.deckId} = ${a.deckId} JOIN ${sections} ${sec} ON ${sec.id} = ${c.sectionId}
    LEFT JOIN ${cardStates} ${cs} ON ${cs.userId} = ${userId} AND ${cs.cardId} = ${c.id} AND ${cs.state} != 0
    WHERE ${assignedCard(f)}
    GROUP BY ${a.id}`,
    progressRow,
  );

  // Per assignment: the best finished attempt of its own quiz (ever and by the due date), the attempts
  // the student has started (the legacy ones, taken before assignment quizzes, are not counted
  // against the limit) and the attempt left open, to continue it.
  const score = sql`${q.correctCount} * 1.0 / ${q.questionCount}`;
  const quizRows = await db.all(
    sql`WITH ${myAssignments(f, userId)}
    SELECT ${a.id} AS "id",
           max(CASE WHEN ${q.finishedAt} IS NOT NULL AND ${q.questionCount} > 0 THEN ${score} END) AS "best",
           max(CASE WHEN ${q.finishedAt} <= ${a.dueAt} AND ${q.questionCount} > 0 THEN ${score} END) AS "bestByDue",
           sum(${oneIf(sql`${aq.legacy} = ${f.bool(false)}`)}) AS "used",
           max(CASE WHEN ${q.finishedAt} IS NULL THEN ${q.id} END) AS "openAttemptId"
    FROM a JOIN ${assignmentQuizAttempts} ${aq} ON ${aq.assignmentId} = ${a.id} JOIN ${quizAttempts} ${q} ON ${q.id} = ${aq.attemptId} AND ${q.userId} = ${userId}
    GROUP BY ${a.id}`,
    quizRow,
  );

  // Past the due date: what the log says as of the due date (the latest review at or before it, per card).
  const byDue = async (assignmentId: number, dueAt: number) =>
    db.get(
      sql`WITH last AS (
        SELECT ${lastReviewId(userId, c.id, dueAt)} AS log_id
        FROM ${assignments} ${a} JOIN ${cards} ${c} ON ${c.deckId} = ${a.deckId} JOIN ${sections} ${sec} ON ${sec.id} = ${c.sectionId}
        WHERE ${a.id} = ${assignmentId} AND ${assignedCard(f)}
      )
      SELECT count(${r.id}) AS "studiedByDue", coalesce(sum(recall_at(${r.reviewedAt}, ${r.stabilityAfter}, ${dueAt}, ${weights})), 0) AS "recallSum"
      FROM last JOIN ${reviewLogs} ${r} ON ${r.id} = last.log_id`,
      byDueRow,
    );

  const progressOf = new Map(progress.map((p) => [p.id, p]));
  const quiz = new Map(quizRows.map((x) => [x.id, x]));
  const titles = await sectionTitlesOf(db, mine.map((x) => x.id));
  const out: StudentAssignment[] = [];
  for (const row of mine) {
    const p = progressOf.get(row.id) ?? { assigned: 0, studied: 0, recallSum: 0 };
    const past = row.dueAt < t ? await byDue(row.id, row.dueAt) : undefined;
    const studiedByDue = past ? past.studiedByDue : p.studied;
    const recallAtDue = mean(past ? past.recallSum : p.recallSum, p.assigned);
    const x = quiz.get(row.id);
    const spec = quizSpecFrom(row);
    const { status } = studentStatus(
      row,
      { assigned: p.assigned, studiedNow: p.studied, studiedByDue, bestQuizByDue: x?.bestByDue ?? null, recallAtDue, startAt: Math.max(row.createdAt, row.joinedAt) },
      t,
    );
    out.push({
      id: row.id,
      classId: row.classId,
      className: row.className,
      classTimeZone: row.classTimeZone,
      deckId: row.deckId,
      deckTitle: row.deckTitle,
      sectionTitles: row.sectionKeys === null ? [] : (titles.get(row.id) ?? []),
      dueAt: row.dueAt,
      extended: row.extended,
      assigned: p.assigned,
      studied: p.studied,
      goalQuizScore: row.goalQuizScore,
      bestQuiz: x?.best ?? null,
      goalRecall: row.goalRecall,
      recallAtDue,
      status,
      quiz: { ...spec, available: row.quizAvailable, used: x?.used ?? 0, left: attemptsLeft(spec, x?.used ?? 0), openAttemptId: x?.openAttemptId ?? null },
    });
  }
  return out;
}
