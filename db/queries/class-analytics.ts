/**
 * Class analytics and the gradebook for an instructor: per student, per item and per section,
 * for one assignment at a time. Checks that the class is the instructor's before reading anything.
 */
import 'server-only';
import { sectionAnalytics, studentAnalytics, type SectionAnalytics, type StudentAnalytics } from '@/lib/teach/class-analytics';
import { itemAnalytics, type ItemAnalytics } from '@/lib/teach/item-analysis';
import { assignmentFacts, itemQuizFacts } from './assignment-facts';
import { assignmentsForClass, type AssignmentView } from './assignments';
import { classForInstructor, rosterForInstructor, type RosterEntry } from './classes';

export interface AssignmentAnalytics {
  students: StudentAnalytics[];
  items: ItemAnalytics[];
  sections: SectionAnalytics[];
}

/** Analytics of one assignment of one of this instructor's classes; undefined otherwise. */
export async function assignmentAnalyticsFor(instructorId: number, classId: number, assignmentId: number, now: Date): Promise<AssignmentAnalytics | undefined> {
  if (!(await classForInstructor(instructorId, classId))) return undefined;
  const scope = { assignmentId, classId };
  const facts = assignmentFacts(scope, now);
  if (!facts) return undefined;
  const { quiz, optionTexts } = itemQuizFacts(scope);
  return {
    students: studentAnalytics(facts, now.getTime()),
    items: itemAnalytics(facts, quiz, optionTexts),
    sections: sectionAnalytics(facts),
  };
}

export interface Gradebook {
  timeZone: string;
  roster: RosterEntry[];
  assignments: AssignmentView[];
  /** assignment id → student id → that student's numbers. */
  grades: Map<number, Map<number, StudentAnalytics>>;
}

/** Every student's numbers on every assignment of the class, for the CSV export; undefined if not theirs. */
export async function gradebookFor(instructorId: number, classId: number, now: Date): Promise<Gradebook | undefined> {
  const cls = await classForInstructor(instructorId, classId);
  if (!cls) return undefined;
  const assignments = assignmentsForClass(instructorId, classId);
  const grades = new Map<number, Map<number, StudentAnalytics>>();
  for (const a of assignments) {
    const facts = assignmentFacts({ assignmentId: a.id, classId }, now);
    if (facts) grades.set(a.id, new Map(studentAnalytics(facts, now.getTime()).map((s) => [s.userId, s])));
  }
  return { timeZone: cls.timeZone, roster: await rosterForInstructor(instructorId, classId), assignments, grades };
}
