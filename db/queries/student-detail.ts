/**
 * One student of a class, in depth, for the instructor who teaches it: per assignment the same
 * numbers as the class dashboard and the gradebook (the same facts query, scoped to this one
 * student, and the same pure analytics), their quiz attempts with every answer, the items they keep
 * forgetting, their memory per section, and their reviews per day on the class's assigned items.
 * Only the asking instructor's class and only a student enrolled in it; undefined otherwise.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { int } from '@/db/engine/rows';
import { assignments, cards, enrollments, reviewLogs, sections, users } from '@/db/schema';
import { teachesClass } from './access-sql';
import { a, assignedCard, c, sec } from './assignment-sql';
import { studentAnalytics, sectionAnalytics, type SectionAnalytics, type StudentAnalytics } from '@/lib/teach/class-analytics';
import { itemAnalytics, type ItemAnalytics } from '@/lib/teach/item-analysis';
import { reviewsPerDay, type DayReviews } from '@/lib/teach/activity-days';
import { assignmentFacts, itemQuizFacts } from './assignment-facts';
import { assignmentsForClass, type AssignmentView } from './assignments';
import { classForInstructor, type ClassSummary } from './classes';
import { studentAttempts, type StudentAttempt } from './student-attempts';

const DAY_MS = 86_400_000;
/** Days of activity shown: four weeks, enough to see a rhythm (or its absence) before a due date. */
export const ACTIVITY_DAYS = 28;
/** Items shown as "keeps forgetting", most lapses first. */
const FORGOTTEN_SHOWN = 10;

export interface StudentOfClass {
  userId: number;
  name: string;
  email: string;
  joinedAt: number;
}

const e = alias(enrollments, 'e');
const u = alias(users, 'u');
const r = alias(reviewLogs, 'r');
const studentRow = z.object({ userId: int, name: z.string(), email: z.string(), joinedAt: int });

export interface StudentAssignmentDetail {
  assignment: AssignmentView;
  /** The student's row of the class dashboard's student table (and of the gradebook). */
  progress: StudentAnalytics;
  /** Their predicted recall per section, now and at the due date (unstudied items count 0). */
  sections: SectionAnalytics[];
  /** Assigned items they forgot (Again in the Review state), most lapses first, with their lapse count. */
  forgotten: ForgottenItem[];
  attempts: StudentAttempt[];
}

export interface ForgottenItem {
  item: ItemAnalytics;
  lapses: number;
}

export interface StudentDetail {
  cls: ClassSummary;
  student: StudentOfClass;
  assignments: StudentAssignmentDetail[];
  activity: DayReviews[];
}

/** Lapses first, then the share of mature reviews forgotten, then deck order (the facts' order). */
function mostForgotten(items: ItemAnalytics[], lapses: ReadonlyMap<number, number>): ForgottenItem[] {
  return items
    .map((item, order) => ({ item, order, lapses: lapses.get(item.cardId) ?? 0 }))
    .filter((x) => x.lapses > 0)
    .sort((a, b) => b.lapses - a.lapses || (b.item.lapseRate ?? 0) - (a.item.lapseRate ?? 0) || a.order - b.order)
    .slice(0, FORGOTTEN_SHOWN)
    .map(({ item, lapses: n }) => ({ item, lapses: n }));
}

async function assignmentDetail(assignment: AssignmentView, classId: number, studentId: number, now: Date): Promise<StudentAssignmentDetail | undefined> {
  const scope = { assignmentId: assignment.id, classId, onlyUserId: studentId };
  const facts = await assignmentFacts(scope, now);
  const progress = facts && studentAnalytics(facts, now.getTime()).find((s) => s.userId === studentId);
  if (!facts || !progress) return undefined;
  const { quiz, optionTexts } = await itemQuizFacts(scope);
  const lapses = new Map(facts.cards.map((c) => [c.cardId, c.lapsesAll]));
  return {
    assignment,
    progress,
    sections: sectionAnalytics(facts),
    forgotten: mostForgotten(itemAnalytics(facts, quiz, optionTexts), lapses),
    attempts: await studentAttempts(studentId, assignment.id, assignment.deckId),
  };
}

/** The student in depth, if `instructorId` teaches the class and the student is enrolled in it. */
export async function studentDetailFor(instructorId: number, classId: number, studentId: number, now: Date): Promise<StudentDetail | undefined> {
  const cls = await classForInstructor(instructorId, classId);
  if (!cls) return undefined;
  const db = await engine();
  // The class is taught by the asker (its owner or a co-instructor) and the student is enrolled in
  // it now; removed students are not shown.
  const student = await db.get(
    sql`SELECT ${u.id} AS "userId", ${u.name} AS "name", ${u.email} AS "email", ${e.joinedAt} AS "joinedAt"
      FROM ${enrollments} ${e} JOIN ${users} ${u} ON ${u.id} = ${e.userId}
      WHERE ${e.classId} = ${classId} AND ${e.userId} = ${studentId} AND ${teachesClass(instructorId, e.classId)}`,
    studentRow,
  );
  if (!student) return undefined;
  const assignments = [];
  for (const a of await assignmentsForClass(instructorId, classId)) {
    const detail = await assignmentDetail(a, classId, studentId, now);
    if (detail) assignments.push(detail);
  }
  const since = now.getTime() - (ACTIVITY_DAYS + 1) * DAY_MS;
  const reviews = await activityOf(classId, studentId, since);
  const activity = reviewsPerDay(reviews, now.getTime(), ACTIVITY_DAYS, cls.timeZone);
  return { cls, student, assignments, activity };
}

// Reviews (not undone) of the items the class's assignments cover, since `since`: a student's study
// of other decks stays theirs, as in the class analytics.
async function activityOf(classId: number, studentId: number, since: number): Promise<number[]> {
  const db = await engine();
  const rows = await db.all(
    sql`SELECT ${r.reviewedAt} AS "at" FROM ${reviewLogs} ${r}
      WHERE ${r.userId} = ${studentId} AND ${r.undoneAt} IS NULL AND ${r.reviewedAt} >= ${since}
        AND ${r.cardId} IN (SELECT ${c.id} FROM ${assignments} ${a} JOIN ${cards} ${c} ON ${c.deckId} = ${a.deckId} JOIN ${sections} ${sec} ON ${sec.id} = ${c.sectionId}
                            WHERE ${a.classId} = ${classId} AND ${assignedCard(db.fragments)})`,
    z.object({ at: int }),
  );
  return rows.map((row) => row.at);
}
