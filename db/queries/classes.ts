/**
 * Classes as their instructor sees them: create, list, roster, join code, archive.
 * Every statement filters by teachesClass (the owner or a co-instructor: db/queries/access-sql.ts),
 * so a class the instructor does not teach simply does not exist here (pages turn that into a 404, actions into "not found").
 */
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { bare } from '@/db/engine/fragments';
import { int } from '@/db/engine/rows';
import type { Queryable } from '@/db/engine/types';
import { assignments, classes, classRemovals, enrollments, users } from '@/db/schema';
import { ownsClass, teachesClass } from './access-sql';
import { generateJoinCode } from '@/lib/teach/join-code';

const summaryRow = z.object({
  id: int,
  name: z.string(),
  joinCode: z.string(),
  timeZone: z.string(),
  archivedAt: int.nullable(),
  createdAt: int,
  students: int,
  assignments: int,
  /** The instructor who created the class; only they may archive it or remove co-instructors. */
  ownerId: int,
});
export type ClassSummary = z.infer<typeof summaryRow>;

const cl = alias(classes, 'cl');

function summaries(where: SQL): SQL {
  return sql`SELECT ${cl.id} AS "id", ${cl.name} AS "name", ${cl.joinCode} AS "joinCode", ${cl.timeZone} AS "timeZone",
      ${cl.archivedAt} AS "archivedAt", ${cl.createdAt} AS "createdAt", ${cl.instructorId} AS "ownerId",
      (SELECT count(*) FROM ${enrollments} WHERE ${enrollments.classId} = ${cl.id}) AS "students",
      (SELECT count(*) FROM ${assignments} WHERE ${assignments.classId} = ${cl.id}) AS "assignments"
    FROM ${classes} ${cl} WHERE ${where}`;
}

/** The instructor's classes, active ones first, newest first. */
export async function classesForInstructor(instructorId: number): Promise<ClassSummary[]> {
  const db = await engine();
  return db.all(sql`${summaries(teachesClass(instructorId, cl.id))} ORDER BY (${cl.archivedAt} IS NOT NULL), ${cl.createdAt} DESC, ${cl.id} DESC`, summaryRow);
}

/** One class, only if this instructor teaches it (owner or co-instructor). */
export async function classForInstructor(instructorId: number, classId: number): Promise<ClassSummary | undefined> {
  const db = await engine();
  return db.get(summaries(sql`${cl.id} = ${classId} AND ${teachesClass(instructorId, cl.id)}`), summaryRow);
}

const idRow = z.object({ id: int });

/** A code no class uses yet (a clash among 2^50 codes is all but impossible; checking costs nothing). */
async function freshJoinCode(q: Queryable): Promise<string> {
  for (;;) {
    const code = generateJoinCode();
    if (!(await q.get(sql`SELECT ${classes.id} AS "id" FROM ${classes} WHERE ${classes.joinCode} = ${code}`, idRow))) return code;
  }
}

export async function createClass(instructorId: number, input: { name: string; timeZone: string }, now: Date): Promise<number> {
  const db = await engine();
  const joinCode = await freshJoinCode(db);
  const row = await db.get(
    sql`INSERT INTO ${classes} (${bare(classes.instructorId)}, ${bare(classes.name)}, ${bare(classes.joinCode)}, ${bare(classes.timeZone)}, ${bare(classes.createdAt)})
        VALUES (${instructorId}, ${input.name}, ${joinCode}, ${input.timeZone}, ${now.getTime()}) RETURNING ${classes.id} AS "id"`,
    idRow,
  );
  if (!row) throw new Error('creating a class returned no id');
  return row.id;
}

/** Replace the join code (the old one stops working at once); null if not this instructor's class. */
export async function regenerateJoinCode(instructorId: number, classId: number): Promise<string | null> {
  const db = await engine();
  const joinCode = await freshJoinCode(db);
  const { changes } = await db.run(
    sql`UPDATE ${classes} SET ${bare(classes.joinCode)} = ${joinCode} WHERE ${classes.id} = ${classId} AND ${teachesClass(instructorId, classes.id)}`,
  );
  return changes === 1 ? joinCode : null;
}

/** Archive (no joining, assignments leave students' Today) or bring back; owner only, false otherwise. */
export async function setClassArchived(instructorId: number, classId: number, archived: boolean, now: Date): Promise<boolean> {
  const db = await engine();
  const archivedAt = archived ? now.getTime() : null;
  const { changes } = await db.run(
    sql`UPDATE ${classes} SET ${bare(classes.archivedAt)} = CAST(${archivedAt} AS bigint) WHERE ${classes.id} = ${classId} AND ${ownsClass(instructorId)}`,
  );
  return changes === 1;
}

const rosterRow = z.object({ userId: int, name: z.string(), email: z.string(), joinedAt: int });
export type RosterEntry = z.infer<typeof rosterRow>;

export async function rosterForInstructor(instructorId: number, classId: number): Promise<RosterEntry[]> {
  const db = await engine();
  return db.all(
    sql`SELECT ${users.id} AS "userId", ${users.name} AS "name", ${users.email} AS "email", ${enrollments.joinedAt} AS "joinedAt"
        FROM ${enrollments} JOIN ${classes} ${cl} ON ${cl.id} = ${enrollments.classId} JOIN ${users} ON ${users.id} = ${enrollments.userId}
        WHERE ${enrollments.classId} = ${classId} AND ${teachesClass(instructorId, cl.id)}
        ORDER BY ${db.fragments.caseless(users.name)}, ${users.id}`,
    rosterRow,
  );
}

/**
 * Take a student off the roster (their own study history stays theirs) and keep them from rejoining
 * with the code or link until the instructor lets them back in; false if nothing was removed.
 */
export async function removeStudent(instructorId: number, classId: number, userId: number, now: Date = new Date()): Promise<boolean> {
  const db = await engine();
  return db.transaction(async (tx) => {
    const removed = await tx.run(
      sql`DELETE FROM ${enrollments} WHERE ${enrollments.classId} = ${classId} AND ${enrollments.userId} = ${userId}
          AND ${teachesClass(instructorId, classId)}`,
    );
    if (removed.changes !== 1) return false;
    await tx.run(
      sql`INSERT INTO ${classRemovals} (${bare(classRemovals.classId)}, ${bare(classRemovals.userId)}, ${bare(classRemovals.removedAt)})
          VALUES (${classId}, ${userId}, ${now.getTime()})
          ON CONFLICT (${bare(classRemovals.classId)}, ${bare(classRemovals.userId)}) DO UPDATE SET ${bare(classRemovals.removedAt)} = excluded.${bare(classRemovals.removedAt)}`,
    );
    return true;
  });
}

const removedRow = z.object({ userId: int, name: z.string(), email: z.string(), removedAt: int });
export type RemovedStudent = z.infer<typeof removedRow>;

/** Students removed from one of this instructor's classes, who may not rejoin yet; most recent first. */
export async function removedStudentsForInstructor(instructorId: number, classId: number): Promise<RemovedStudent[]> {
  const db = await engine();
  return db.all(
    sql`SELECT ${users.id} AS "userId", ${users.name} AS "name", ${users.email} AS "email", ${classRemovals.removedAt} AS "removedAt"
        FROM ${classRemovals} JOIN ${classes} ${cl} ON ${cl.id} = ${classRemovals.classId} JOIN ${users} ON ${users.id} = ${classRemovals.userId}
        WHERE ${classRemovals.classId} = ${classId} AND ${teachesClass(instructorId, cl.id)}
        ORDER BY ${classRemovals.removedAt} DESC, ${users.id}`,
    removedRow,
  );
}

/** Lets a removed student join again with the code or link; false if they were not removed from this instructor's class. */
export async function letStudentBackIn(instructorId: number, classId: number, userId: number): Promise<boolean> {
  const db = await engine();
  const { changes } = await db.run(
    sql`DELETE FROM ${classRemovals} WHERE ${classRemovals.classId} = ${classId} AND ${classRemovals.userId} = ${userId}
        AND ${teachesClass(instructorId, classId)}`,
  );
  return changes === 1;
}
