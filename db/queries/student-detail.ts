/**
 * One student of a class, in depth, for the instructor who teaches it: per assignment the same
 * numbers as the class dashboard and the gradebook (the same facts query, scoped to this one
 * student, and the same pure analytics), their quiz attempts with every answer, the items they keep
 * forgetting, their memory per section, and their reviews per day on the class's assigned items.
 * Only the asking instructor's class and only a student enrolled in it; undefined otherwise.
 */
import 'server-only';
import { db } from '@/db';
import { teachesClassSql } from './access';
import { studentAnalytics, sectionAnalytics, type SectionAnalytics, type StudentAnalytics } from '@/lib/teach/class-analytics';
import { itemAnalytics, type ItemAnalytics } from '@/lib/teach/item-analysis';
import { reviewsPerDay, type DayReviews } from '@/lib/teach/activity-days';
import { assignmentFacts, itemQuizFacts } from './assignment-facts';
import { ASSIGNED_CARD_SQL, assignmentsForClass, type AssignmentView } from './assignments';
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

// The class is taught by the asker (its owner or a co-instructor) and the student is enrolled in it
// now; removed students are not shown.
const studentStmt = db.$client.prepare<{ userId: number; classId: number; studentId: number }, StudentOfClass>(`
  SELECT u.id AS userId, u.name, u.email, e.joined_at AS joinedAt
  FROM enrollments e JOIN users u ON u.id = e.user_id
  WHERE e.class_id = @classId AND e.user_id = @studentId AND ${teachesClassSql('e.class_id', 'userId')}
`);

// Reviews (not undone) of the items the class's assignments cover, since `since`: a student's study
// of other decks stays theirs, as in the class analytics.
const activityStmt = db.$client
  .prepare<{ classId: number; studentId: number; since: number }, number>(`
  SELECT r.reviewed_at FROM review_logs r
  WHERE r.user_id = @studentId AND r.undone_at IS NULL AND r.reviewed_at >= @since
    AND r.card_id IN (SELECT c.id FROM assignments a JOIN cards c ON c.deck_id = a.deck_id JOIN sections sec ON sec.id = c.section_id
                      WHERE a.class_id = @classId AND ${ASSIGNED_CARD_SQL})
`)
  .pluck();

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

function assignmentDetail(a: AssignmentView, classId: number, studentId: number, now: Date): StudentAssignmentDetail | undefined {
  const scope = { assignmentId: a.id, classId, onlyUserId: studentId };
  const facts = assignmentFacts(scope, now);
  const progress = facts && studentAnalytics(facts, now.getTime()).find((s) => s.userId === studentId);
  if (!facts || !progress) return undefined;
  const { quiz, optionTexts } = itemQuizFacts(scope);
  const lapses = new Map(facts.cards.map((c) => [c.cardId, c.lapsesAll]));
  return {
    assignment: a,
    progress,
    sections: sectionAnalytics(facts),
    forgotten: mostForgotten(itemAnalytics(facts, quiz, optionTexts), lapses),
    attempts: studentAttempts(studentId, a.id, a.deckId),
  };
}

/** The student in depth, if `instructorId` teaches the class and the student is enrolled in it. */
export async function studentDetailFor(instructorId: number, classId: number, studentId: number, now: Date): Promise<StudentDetail | undefined> {
  const cls = await classForInstructor(instructorId, classId);
  const student = cls && studentStmt.get({ userId: instructorId, classId, studentId });
  if (!cls || !student) return undefined;
  const assignments = assignmentsForClass(instructorId, classId).flatMap((a) => assignmentDetail(a, classId, studentId, now) ?? []);
  const since = now.getTime() - (ACTIVITY_DAYS + 1) * DAY_MS;
  const activity = reviewsPerDay(activityStmt.all({ classId, studentId, since }), now.getTime(), ACTIVITY_DAYS, cls.timeZone);
  return { cls, student, assignments, activity };
}
