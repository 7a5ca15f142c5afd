/**
 * The classes a student is enrolled in, and leaving one. Leaving deletes the enrolment only: the
 * student's reviews and quiz attempts stay theirs, and since no class_removals row is written
 * (that is the instructor's "remove"), the class code lets them back in.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { int } from '@/db/engine/rows';
import { assignments, classes, enrollments, users } from '@/db/schema';

const studentClassRow = z.object({
  id: int,
  name: z.string(),
  instructorName: z.string(),
  timeZone: z.string(),
  joinedAt: int,
  assignments: int,
});
export type StudentClass = z.infer<typeof studentClassRow>;

const cl = alias(classes, 'cl');

/** The student's classes (archived ones are closed and not listed), by name. */
export async function classesOfStudent(userId: number): Promise<StudentClass[]> {
  const db = await engine();
  return db.all(
    sql`SELECT ${cl.id} AS "id", ${cl.name} AS "name", ${users.name} AS "instructorName", ${cl.timeZone} AS "timeZone", ${enrollments.joinedAt} AS "joinedAt",
          (SELECT count(*) FROM ${assignments} WHERE ${assignments.classId} = ${cl.id}) AS "assignments"
        FROM ${enrollments} JOIN ${classes} ${cl} ON ${cl.id} = ${enrollments.classId} JOIN ${users} ON ${users.id} = ${cl.instructorId}
        WHERE ${enrollments.userId} = ${userId} AND ${cl.archivedAt} IS NULL
        ORDER BY ${db.fragments.caseless(cl.name)}, ${cl.id}`,
    studentClassRow,
  );
}

/** Leaves the class; false when the student was not in it (nothing changes then). */
export async function leaveClass(userId: number, classId: number): Promise<boolean> {
  const db = await engine();
  const { changes } = await db.run(sql`DELETE FROM ${enrollments} WHERE ${enrollments.userId} = ${userId} AND ${enrollments.classId} = ${classId}`);
  return changes > 0;
}
