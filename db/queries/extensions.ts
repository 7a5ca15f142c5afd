/**
 * Extensions: a later due date for chosen students on one assignment. The rule for the date a
 * student works to is here once, as SQL (effectiveDueSql) for the queries that compute status,
 * memory at the due date and the gradebook, and as lib/teach/extensions.ts effectiveDueAt for
 * TypeScript. Writes are scoped to instructors who teach the assignment's class.
 */
import 'server-only';
import { db } from '@/db';
import { extensionDateError, type ExtensionDateError } from '@/lib/teach/extensions';
import { teachesClassSql } from './access';

/**
 * SQL expression: the due date (ms) that applies to the user `userExpr` on the assignment row
 * aliased `alias`: the later of the assignment's and the user's extension (see effectiveDueAt).
 */
export function effectiveDueSql(userExpr: string, alias = 'a'): string {
  return `max(${alias}.due_at, coalesce((SELECT x.due_at FROM assignment_extensions x
    WHERE x.assignment_id = ${alias}.id AND x.user_id = ${userExpr}), 0))`;
}

/** SQL expression, 1 or 0: the user has an extension that moves their due date (later than the assignment's). */
export function extendedSql(userExpr: string, alias = 'a'): string {
  return `EXISTS (SELECT 1 FROM assignment_extensions x
    WHERE x.assignment_id = ${alias}.id AND x.user_id = ${userExpr} AND x.due_at > ${alias}.due_at)`;
}

export interface ExtensionEntry {
  userId: number;
  name: string;
  email: string;
  dueAt: number;
  /** False when the assignment's own due date has since moved past it (it no longer changes anything). */
  applies: boolean;
}

const listStmt = db.$client.prepare<{ instructorId: number; assignmentId: number }, Omit<ExtensionEntry, 'applies'> & { applies: number }>(`
  SELECT u.id AS userId, u.name, u.email, x.due_at AS dueAt, x.due_at > a.due_at AS applies
  FROM assignment_extensions x JOIN assignments a ON a.id = x.assignment_id JOIN users u ON u.id = x.user_id
  JOIN enrollments e ON e.class_id = a.class_id AND e.user_id = x.user_id
  WHERE x.assignment_id = @assignmentId AND ${teachesClassSql('a.class_id')}
  ORDER BY u.name COLLATE NOCASE, u.id
`);

/** The assignment's extensions, for students still enrolled; empty unless this instructor teaches the class. */
export function extensionsForAssignment(instructorId: number, assignmentId: number): ExtensionEntry[] {
  return listStmt.all({ instructorId, assignmentId }).map((r) => ({ ...r, applies: r.applies === 1 }));
}

const assignmentStmt = db.$client.prepare<{ instructorId: number; assignmentId: number }, { classId: number; dueAt: number; createdAt: number }>(`
  SELECT a.class_id AS classId, a.due_at AS dueAt, a.created_at AS createdAt FROM assignments a
  WHERE a.id = @assignmentId AND ${teachesClassSql('a.class_id')}
`);
const enrolledStmt = db.$client.prepare<{ classId: number; userId: number }, number>(
  'SELECT 1 FROM enrollments WHERE class_id = @classId AND user_id = @userId',
).pluck();
const upsertStmt = db.$client.prepare<{ assignmentId: number; userId: number; dueAt: number; grantedBy: number; now: number }>(`
  INSERT INTO assignment_extensions (assignment_id, user_id, due_at, granted_by, granted_at)
  VALUES (@assignmentId, @userId, @dueAt, @grantedBy, @now)
  ON CONFLICT (assignment_id, user_id) DO UPDATE SET due_at = excluded.due_at, granted_by = excluded.granted_by, granted_at = excluded.granted_at
`);

export type GrantError = 'not-found' | 'not-enrolled' | ExtensionDateError;

/**
 * Gives each of `userIds` (students enrolled in the class) the due date `dueAt`, replacing any
 * extension they had. All or nothing: one student not on the roster refuses the whole batch.
 */
export function grantExtensions(instructorId: number, assignmentId: number, userIds: readonly number[], dueAt: number, now: Date): { granted: number } | { error: GrantError } {
  return db.$client.transaction(() => {
    const a = assignmentStmt.get({ instructorId, assignmentId });
    if (!a) return { error: 'not-found' as const };
    const dateError = extensionDateError(dueAt, a);
    if (dateError) return { error: dateError };
    const unique = [...new Set(userIds)];
    if (unique.some((userId) => enrolledStmt.get({ classId: a.classId, userId }) === undefined)) return { error: 'not-enrolled' as const };
    for (const userId of unique) upsertStmt.run({ assignmentId, userId, dueAt, grantedBy: instructorId, now: now.getTime() });
    return { granted: unique.length };
  }).immediate();
}

const deleteStmt = db.$client.prepare<{ instructorId: number; assignmentId: number; userId: number }>(`
  DELETE FROM assignment_extensions WHERE assignment_id = @assignmentId AND user_id = @userId
    AND assignment_id IN (SELECT a.id FROM assignments a WHERE ${teachesClassSql('a.class_id')})
`);

/** Removes one student's extension: they are back on the assignment's due date. */
export function removeExtension(instructorId: number, assignmentId: number, userId: number): boolean {
  return deleteStmt.run({ instructorId, assignmentId, userId }).changes === 1;
}
