/**
 * Co-instructors (issue 17): instructors who teach a class beside its owner, with the same rights
 * on that class only (every instructor query goes through teachesClass). Decided here:
 * - anyone who teaches the class may add a co-instructor (as Canvas lets teachers add teachers);
 * - only the owner (the class's creator) may remove one, or archive the class;
 * - decks stay their owner's: a co-instructor sees the class's analytics and may edit its
 *   assignments, but edits no deck they did not write.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { bare } from '@/db/engine/fragments';
import { flag, int } from '@/db/engine/rows';
import type { Queryable } from '@/db/engine/types';
import { classes, classInstructors, enrollments, users } from '@/db/schema';
import { ROLES } from '@/lib/auth/session-user';
import { ownsClass, teachesClass } from './access-sql';

const instructorRow = z.object({
  userId: int,
  name: z.string(),
  email: z.string(),
  owner: flag,
  /** When they were added; the class's creation for the owner. */
  addedAt: int,
});
export type ClassInstructor = z.infer<typeof instructorRow>;

const cl = alias(classes, 'cl');
const ci = alias(classInstructors, 'ci');

/** Who teaches the class, owner first; empty unless the asking instructor teaches it. */
export async function instructorsOfClass(instructorId: number, classId: number): Promise<ClassInstructor[]> {
  const db = await engine();
  return db.all(
    sql`SELECT "userId", "name", "email", "owner", "addedAt" FROM (
          SELECT ${users.id} AS "userId", ${users.name} AS "name", ${users.email} AS "email", ${db.fragments.bool(true)} AS "owner", ${cl.createdAt} AS "addedAt"
          FROM ${classes} ${cl} JOIN ${users} ON ${users.id} = ${cl.instructorId}
          WHERE ${cl.id} = ${classId} AND ${teachesClass(instructorId, cl.id)}
          UNION ALL
          SELECT ${users.id}, ${users.name}, ${users.email}, ${db.fragments.bool(false)}, ${ci.addedAt}
          FROM ${classInstructors} ${ci} JOIN ${users} ON ${users.id} = ${ci.userId}
          WHERE ${ci.classId} = ${classId} AND ${teachesClass(instructorId, ci.classId)}
        ) staff
        ORDER BY "owner" DESC, "addedAt", "userId"`,
    instructorRow,
  );
}

const okRow = z.object({ ok: int });

async function teaches(q: Queryable, instructorId: number, classId: number): Promise<boolean> {
  return (await q.get(sql`SELECT 1 AS "ok" FROM ${classes} ${cl} WHERE ${cl.id} = ${classId} AND ${teachesClass(instructorId, cl.id)}`, okRow)) !== undefined;
}

export type AddInstructorError = 'not-found' | 'no-user' | 'not-instructor' | 'already' | 'enrolled';

/** Adds the instructor with this (lower-case) email to the class; refused with a reason otherwise. */
export async function addCoInstructor(instructorId: number, classId: number, email: string, now: Date): Promise<{ userId: number } | { error: AddInstructorError }> {
  const db = await engine();
  return db.transaction(async (tx) => {
    if (!(await teaches(tx, instructorId, classId))) return { error: 'not-found' as const };
    const user = await tx.get(sql`SELECT ${users.id} AS "id", ${users.role} AS "role" FROM ${users} WHERE ${users.email} = ${email}`, z.object({ id: int, role: z.enum(ROLES) }));
    if (!user) return { error: 'no-user' as const };
    if (user.role !== 'instructor') return { error: 'not-instructor' as const };
    if (await teaches(tx, user.id, classId)) return { error: 'already' as const };
    const enrolled = await tx.get(sql`SELECT 1 AS "ok" FROM ${enrollments} WHERE ${enrollments.classId} = ${classId} AND ${enrollments.userId} = ${user.id}`, okRow);
    if (enrolled) return { error: 'enrolled' as const };
    await tx.run(
      sql`INSERT INTO ${classInstructors} (${bare(classInstructors.classId)}, ${bare(classInstructors.userId)}, ${bare(classInstructors.addedBy)}, ${bare(classInstructors.addedAt)})
          VALUES (${classId}, ${user.id}, ${instructorId}, ${now.getTime()})
          ON CONFLICT (${bare(classInstructors.classId)}, ${bare(classInstructors.userId)}) DO NOTHING`,
    );
    return { userId: user.id };
  });
}

/** The owner takes a co-instructor off the class: their next request has no rights in it. False otherwise. */
export async function removeCoInstructor(ownerId: number, classId: number, userId: number): Promise<boolean> {
  const db = await engine();
  const { changes } = await db.run(
    sql`DELETE FROM ${classInstructors} WHERE ${classInstructors.classId} = ${classId} AND ${classInstructors.userId} = ${userId}
        AND EXISTS (SELECT 1 FROM ${classes} ${cl} WHERE ${cl.id} = ${classId} AND ${ownsClass(ownerId, cl)})`,
  );
  return changes === 1;
}
