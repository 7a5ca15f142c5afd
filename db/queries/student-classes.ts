/**
 * The classes a student is enrolled in, and leaving one. Leaving deletes the enrolment only: the
 * student's reviews and quiz attempts stay theirs, and since no class_removals row is written
 * (that is the instructor's "remove"), the class code lets them back in.
 */
import 'server-only';
import { db } from '@/db';

export interface StudentClass {
  id: number;
  name: string;
  instructorName: string;
  timeZone: string;
  joinedAt: number;
  assignments: number;
}

const mineStmt = db.$client.prepare<{ userId: number }, StudentClass>(`
  SELECT cl.id, cl.name, u.name AS instructorName, cl.time_zone AS timeZone, e.joined_at AS joinedAt,
         (SELECT count(*) FROM assignments a WHERE a.class_id = cl.id) AS assignments
  FROM enrollments e JOIN classes cl ON cl.id = e.class_id JOIN users u ON u.id = cl.instructor_id
  WHERE e.user_id = @userId AND cl.archived_at IS NULL
  ORDER BY cl.name COLLATE NOCASE, cl.id
`);

/** The student's classes (archived ones are closed and not listed), by name. */
export function classesOfStudent(userId: number): StudentClass[] {
  return mineStmt.all({ userId });
}

const leaveStmt = db.$client.prepare<{ userId: number; classId: number }>('DELETE FROM enrollments WHERE user_id = @userId AND class_id = @classId');

/** Leaves the class; false when the student was not in it (nothing changes then). */
export function leaveClass(userId: number, classId: number): boolean {
  return leaveStmt.run({ userId, classId }).changes > 0;
}
