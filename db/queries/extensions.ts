/**
 * Extensions: a later due date for chosen students on one assignment. The rule for the date a
 * student works to is here once, as SQL (effectiveDue) for the queries that compute status,
 * memory at the due date and the gradebook, and as lib/teach/extensions.ts effectiveDueAt for
 * TypeScript. Writes are scoped to instructors who teach the assignment's class.
 */
import 'server-only';
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { bare, type Fragments } from '@/db/engine/fragments';
import { flag, int } from '@/db/engine/rows';
import { assignmentExtensions, assignments, enrollments, users } from '@/db/schema';
import { extensionDateError, type ExtensionDateError } from '@/lib/teach/extensions';
import { teachesClass } from './access-sql';
import { a } from './assignment-sql';

const x = alias(assignmentExtensions, 'x');
type Value = SQL | AnyColumn | number;

/**
 * SQL expression: the due date (ms) that applies to the user `user` on the assignment row `a`
 * (assignment-sql.ts): the later of the assignment's and the user's extension (see effectiveDueAt).
 */
export function effectiveDue(f: Fragments, user: Value): SQL {
  return f.greatest(
    a.dueAt,
    sql`coalesce((SELECT ${x.dueAt} FROM ${assignmentExtensions} ${x} WHERE ${x.assignmentId} = ${a.id} AND ${x.userId} = ${user}), 0)`,
  );
}

/** SQL condition (select it as a flag): the user has an extension that moves their due date (later than the assignment's). */
export function extended(user: Value): SQL {
  return sql`EXISTS (SELECT 1 FROM ${assignmentExtensions} ${x}
    WHERE ${x.assignmentId} = ${a.id} AND ${x.userId} = ${user} AND ${x.dueAt} > ${a.dueAt})`;
}

const entryRow = z.object({
  userId: int,
  name: z.string(),
  email: z.string(),
  dueAt: int,
  /** False when the assignment's own due date has since moved past it (it no longer changes anything). */
  applies: flag,
});

export type ExtensionEntry = z.infer<typeof entryRow>;

/** The assignment's extensions, for students still enrolled; empty unless this instructor teaches the class. */
export async function extensionsForAssignment(instructorId: number, assignmentId: number): Promise<ExtensionEntry[]> {
  const db = await engine();
  return db.all(
    sql`SELECT ${users.id} AS "userId", ${users.name} AS "name", ${users.email} AS "email", ${x.dueAt} AS "dueAt", (${x.dueAt} > ${a.dueAt}) AS "applies"
      FROM ${assignmentExtensions} ${x} JOIN ${assignments} ${a} ON ${a.id} = ${x.assignmentId} JOIN ${users} ON ${users.id} = ${x.userId}
      JOIN ${enrollments} ON ${enrollments.classId} = ${a.classId} AND ${enrollments.userId} = ${x.userId}
      WHERE ${x.assignmentId} = ${assignmentId} AND ${teachesClass(instructorId, a.classId)}
      ORDER BY lower(${users.name}), ${users.id}`,
    entryRow,
  );
}

const assignmentRow = z.object({ classId: int, dueAt: int, createdAt: int });

export type GrantError = 'not-found' | 'not-enrolled' | ExtensionDateError;

/**
 * Gives each of `userIds` (students enrolled in the class) the due date `dueAt`, replacing any
 * extension they had. All or nothing: one student not on the roster refuses the whole batch.
 */
export async function grantExtensions(instructorId: number, assignmentId: number, userIds: readonly number[], dueAt: number, now: Date): Promise<{ granted: number } | { error: GrantError }> {
  const db = await engine();
  return db.transaction(async (tx) => {
    const found = await tx.get(
      sql`SELECT ${a.classId} AS "classId", ${a.dueAt} AS "dueAt", ${a.createdAt} AS "createdAt" FROM ${assignments} ${a}
        WHERE ${a.id} = ${assignmentId} AND ${teachesClass(instructorId, a.classId)}`,
      assignmentRow,
    );
    if (!found) return { error: 'not-found' as const };
    const dateError = extensionDateError(dueAt, found);
    if (dateError) return { error: dateError };
    const unique = [...new Set(userIds)];
    const enrolled = await tx.get(
      sql`SELECT count(*) AS "n" FROM ${enrollments} WHERE ${enrollments.classId} = ${found.classId} AND ${enrollments.userId} IN ${tx.fragments.intsIn(unique)}`,
      z.object({ n: int }),
    );
    if ((enrolled?.n ?? 0) !== unique.length) return { error: 'not-enrolled' as const };
    const t = assignmentExtensions;
    for (const userId of unique) {
      await tx.run(sql`INSERT INTO ${t} (${bare(t.assignmentId)}, ${bare(t.userId)}, ${bare(t.dueAt)}, ${bare(t.grantedBy)}, ${bare(t.grantedAt)})
        VALUES (${assignmentId}, ${userId}, ${dueAt}, ${instructorId}, ${now.getTime()})
        ON CONFLICT (${bare(t.assignmentId)}, ${bare(t.userId)}) DO UPDATE
        SET ${bare(t.dueAt)} = excluded.${bare(t.dueAt)}, ${bare(t.grantedBy)} = excluded.${bare(t.grantedBy)}, ${bare(t.grantedAt)} = excluded.${bare(t.grantedAt)}`);
    }
    return { granted: unique.length };
  });
}

/** Removes one student's extension: they are back on the assignment's due date. */
export async function removeExtension(instructorId: number, assignmentId: number, userId: number): Promise<boolean> {
  const db = await engine();
  const t = assignmentExtensions;
  const { changes } = await db.run(sql`DELETE FROM ${t} WHERE ${t.assignmentId} = ${assignmentId} AND ${t.userId} = ${userId}
    AND ${t.assignmentId} IN (SELECT ${a.id} FROM ${assignments} ${a} WHERE ${teachesClass(instructorId, a.classId)})`);
  return changes === 1;
}
