/**
 * Classes as their instructor sees them: create, list, roster, join code, archive.
 * Every statement filters by teachesClassSql (the owner or a co-instructor: db/queries/access.ts),
 * so a class the instructor does not teach simply does not exist here (pages turn that into a 404, actions into "not found").
 */
import 'server-only';
import { db } from '@/db';
import { CLASS_OWNER_SQL, teachesClassSql } from './access';
import { generateJoinCode } from '@/lib/teach/join-code';

export interface ClassSummary {
  id: number;
  name: string;
  joinCode: string;
  timeZone: string;
  archivedAt: number | null;
  createdAt: number;
  students: number;
  assignments: number;
  /** The instructor who created the class; only they may archive it or remove co-instructors. */
  ownerId: number;
}

const SUMMARY_COLUMNS = `cl.id, cl.name, cl.join_code AS joinCode, cl.time_zone AS timeZone, cl.archived_at AS archivedAt,
  cl.created_at AS createdAt, cl.instructor_id AS ownerId,
  (SELECT count(*) FROM enrollments e WHERE e.class_id = cl.id) AS students,
  (SELECT count(*) FROM assignments a WHERE a.class_id = cl.id) AS assignments`;

const listStmt = db.$client.prepare<{ instructorId: number }, ClassSummary>(`
  SELECT ${SUMMARY_COLUMNS} FROM classes cl WHERE ${teachesClassSql('cl.id')}
  ORDER BY cl.archived_at IS NOT NULL, cl.created_at DESC, cl.id DESC
`);

/** The instructor's classes, active ones first, newest first. */
export function classesForInstructor(instructorId: number): ClassSummary[] {
  return listStmt.all({ instructorId });
}

const oneStmt = db.$client.prepare<{ instructorId: number; classId: number }, ClassSummary>(`
  SELECT ${SUMMARY_COLUMNS} FROM classes cl WHERE cl.id = @classId AND ${teachesClassSql('cl.id')}
`);

/** One class, only if this instructor teaches it (owner or co-instructor). */
export function classForInstructor(instructorId: number, classId: number): ClassSummary | undefined {
  return oneStmt.get({ instructorId, classId });
}

const insertStmt = db.$client.prepare<{ instructorId: number; name: string; joinCode: string; timeZone: string; now: number }>(`
  INSERT INTO classes (instructor_id, name, join_code, time_zone, created_at) VALUES (@instructorId, @name, @joinCode, @timeZone, @now)
`);

const codeTaken = db.$client.prepare<{ joinCode: string }, { ok: number }>('SELECT 1 AS ok FROM classes WHERE join_code = @joinCode');

/** A code no class uses yet (a clash among 2^50 codes is all but impossible; checking costs nothing). */
function freshJoinCode(): string {
  for (;;) {
    const code = generateJoinCode();
    if (!codeTaken.get({ joinCode: code })) return code;
  }
}

export function createClass(instructorId: number, input: { name: string; timeZone: string }, now: Date): number {
  const result = insertStmt.run({ instructorId, name: input.name, timeZone: input.timeZone, joinCode: freshJoinCode(), now: now.getTime() });
  return Number(result.lastInsertRowid);
}

const newCodeStmt = db.$client.prepare<{ instructorId: number; classId: number; joinCode: string }>(`
  UPDATE classes SET join_code = @joinCode WHERE id = @classId AND ${teachesClassSql('id')}
`);

/** Replace the join code (the old one stops working at once); null if not this instructor's class. */
export function regenerateJoinCode(instructorId: number, classId: number): string | null {
  const joinCode = freshJoinCode();
  return newCodeStmt.run({ instructorId, classId, joinCode }).changes === 1 ? joinCode : null;
}

const archiveStmt = db.$client.prepare<{ instructorId: number; classId: number; archivedAt: number | null }>(`
  UPDATE classes AS cl SET archived_at = @archivedAt WHERE cl.id = @classId AND ${CLASS_OWNER_SQL}
`);

/** Archive (no joining, assignments leave students' Today) or bring back; owner only, false otherwise. */
export function setClassArchived(instructorId: number, classId: number, archived: boolean, now: Date): boolean {
  return archiveStmt.run({ instructorId, classId, archivedAt: archived ? now.getTime() : null }).changes === 1;
}

export interface RosterEntry {
  userId: number;
  name: string;
  email: string;
  joinedAt: number;
}

const rosterStmt = db.$client.prepare<{ instructorId: number; classId: number }, RosterEntry>(`
  SELECT u.id AS userId, u.name, u.email, e.joined_at AS joinedAt
  FROM enrollments e JOIN classes cl ON cl.id = e.class_id JOIN users u ON u.id = e.user_id
  WHERE e.class_id = @classId AND ${teachesClassSql('cl.id')}
  ORDER BY u.name COLLATE NOCASE, u.id
`);

export function rosterForInstructor(instructorId: number, classId: number): RosterEntry[] {
  return rosterStmt.all({ instructorId, classId });
}

const removeStmt = db.$client.prepare<{ instructorId: number; classId: number; userId: number }>(`
  DELETE FROM enrollments WHERE class_id = @classId AND user_id = @userId
    AND ${teachesClassSql('@classId')}
`);

const recordRemovalStmt = db.$client.prepare<{ classId: number; userId: number; now: number }>(`
  INSERT INTO class_removals (class_id, user_id, removed_at) VALUES (@classId, @userId, @now)
  ON CONFLICT (class_id, user_id) DO UPDATE SET removed_at = excluded.removed_at
`);

/**
 * Take a student off the roster (their own study history stays theirs) and keep them from rejoining
 * with the code or link until the instructor lets them back in; false if nothing was removed.
 */
export function removeStudent(instructorId: number, classId: number, userId: number, now: Date = new Date()): boolean {
  return db.$client.transaction(() => {
    if (removeStmt.run({ instructorId, classId, userId }).changes !== 1) return false;
    recordRemovalStmt.run({ classId, userId, now: now.getTime() });
    return true;
  })();
}

export interface RemovedStudent {
  userId: number;
  name: string;
  email: string;
  removedAt: number;
}

const removedStmt = db.$client.prepare<{ instructorId: number; classId: number }, RemovedStudent>(`
  SELECT u.id AS userId, u.name, u.email, r.removed_at AS removedAt
  FROM class_removals r JOIN classes cl ON cl.id = r.class_id JOIN users u ON u.id = r.user_id
  WHERE r.class_id = @classId AND ${teachesClassSql('cl.id')}
  ORDER BY r.removed_at DESC, u.id
`);

/** Students removed from one of this instructor's classes, who may not rejoin yet; most recent first. */
export function removedStudentsForInstructor(instructorId: number, classId: number): RemovedStudent[] {
  return removedStmt.all({ instructorId, classId });
}

const letBackInStmt = db.$client.prepare<{ instructorId: number; classId: number; userId: number }>(`
  DELETE FROM class_removals WHERE class_id = @classId AND user_id = @userId
    AND ${teachesClassSql('@classId')}
`);

/** Lets a removed student join again with the code or link; false if they were not removed from this instructor's class. */
export function letStudentBackIn(instructorId: number, classId: number, userId: number): boolean {
  return letBackInStmt.run({ instructorId, classId, userId }).changes === 1;
}
