/**
 * Co-instructors (issue 17): instructors who teach a class beside its owner, with the same rights
 * on that class only (every instructor query goes through teachesClassSql). Decided here:
 * - anyone who teaches the class may add a co-instructor (as Canvas lets teachers add teachers);
 * - only the owner (the class's creator) may remove one, or archive the class;
 * - decks stay their owner's: a co-instructor sees the class's analytics and may edit its
 *   assignments, but edits no deck they did not write.
 */
import 'server-only';
import { db } from '@/db';
import { CLASS_OWNER_SQL, teachesClassSql } from './access';

export interface ClassInstructor {
  userId: number;
  name: string;
  email: string;
  owner: boolean;
  /** When they were added; the class's creation for the owner. */
  addedAt: number;
}

const listStmt = db.$client.prepare<{ instructorId: number; classId: number }, Omit<ClassInstructor, 'owner'> & { owner: number }>(`
  SELECT u.id AS userId, u.name, u.email, 1 AS owner, cl.created_at AS addedAt
  FROM classes cl JOIN users u ON u.id = cl.instructor_id
  WHERE cl.id = @classId AND ${teachesClassSql('cl.id')}
  UNION ALL
  SELECT u.id, u.name, u.email, 0, ci.added_at
  FROM class_instructors ci JOIN users u ON u.id = ci.user_id
  WHERE ci.class_id = @classId AND ${teachesClassSql('ci.class_id')}
  ORDER BY owner DESC, addedAt, userId
`);

/** Who teaches the class, owner first; empty unless the asking instructor teaches it. */
export function instructorsOfClass(instructorId: number, classId: number): ClassInstructor[] {
  return listStmt.all({ instructorId, classId }).map((r) => ({ ...r, owner: r.owner === 1 }));
}

const teachesStmt = db.$client.prepare<{ instructorId: number; classId: number }, number>(
  `SELECT 1 FROM classes cl WHERE cl.id = @classId AND ${teachesClassSql('cl.id')}`,
).pluck();
const userByEmail = db.$client.prepare<{ email: string }, { id: number; role: string }>('SELECT id, role FROM users WHERE email = @email');
const insertStmt = db.$client.prepare<{ classId: number; userId: number; addedBy: number; now: number }>(`
  INSERT INTO class_instructors (class_id, user_id, added_by, added_at) VALUES (@classId, @userId, @addedBy, @now)
  ON CONFLICT (class_id, user_id) DO NOTHING
`);
const enrolledStmt = db.$client.prepare<{ classId: number; userId: number }, number>(
  'SELECT 1 FROM enrollments WHERE class_id = @classId AND user_id = @userId',
).pluck();

export type AddInstructorError = 'not-found' | 'no-user' | 'not-instructor' | 'already' | 'enrolled';

/** Adds the instructor with this (lower-case) email to the class; refused with a reason otherwise. */
export function addCoInstructor(instructorId: number, classId: number, email: string, now: Date): { userId: number } | { error: AddInstructorError } {
  return db.$client.transaction(() => {
    if (teachesStmt.get({ instructorId, classId }) === undefined) return { error: 'not-found' as const };
    const user = userByEmail.get({ email });
    if (!user) return { error: 'no-user' as const };
    if (user.role !== 'instructor') return { error: 'not-instructor' as const };
    if (teachesStmt.get({ instructorId: user.id, classId }) !== undefined) return { error: 'already' as const };
    if (enrolledStmt.get({ classId, userId: user.id }) !== undefined) return { error: 'enrolled' as const };
    insertStmt.run({ classId, userId: user.id, addedBy: instructorId, now: now.getTime() });
    return { userId: user.id };
  }).immediate();
}

const removeStmt = db.$client.prepare<{ instructorId: number; classId: number; userId: number }>(`
  DELETE FROM class_instructors WHERE class_id = @classId AND user_id = @userId
    AND EXISTS (SELECT 1 FROM classes cl WHERE cl.id = @classId AND ${CLASS_OWNER_SQL})
`);

/** The owner takes a co-instructor off the class: their next request has no rights in it. False otherwise. */
export function removeCoInstructor(ownerId: number, classId: number, userId: number): boolean {
  return removeStmt.run({ instructorId: ownerId, classId, userId }).changes === 1;
}
