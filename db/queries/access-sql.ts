/**
 * The access rules as typed `sql` fragments, in one place: which decks a user may study, and who
 * teaches a class. Every query that touches study data or a class goes through them, on both
 * engines (db/engine). A value is a number, or a `sql.placeholder` for a prepared statement.
 */
import { sql, type AnyColumn, type Placeholder, type SQL } from 'drizzle-orm';
import { assignments, classes, classInstructors, decks, enrollments } from '@/db/schema';

type Value = number | Placeholder;
/** The decks or classes table, or an alias of it (`alias(decks, 'd')`): the columns a rule reads. */
type DeckRef = { id: AnyColumn; ownerId: AnyColumn };
type ClassRef = { instructorId: AnyColumn };

/** True for rows of `d` (the decks table, or an alias of it) that `userId` may study: shared, their own, or assigned to a class of theirs that is not archived. */
export function deckVisibleTo(userId: Value, d: DeckRef = decks): SQL {
  return sql`(${d.ownerId} IS NULL OR ${d.ownerId} = ${userId} OR EXISTS (
    SELECT 1 FROM ${assignments}
      JOIN ${enrollments} ON ${enrollments.classId} = ${assignments.classId}
      JOIN ${classes} ON ${classes.id} = ${assignments.classId}
    WHERE ${assignments.deckId} = ${d.id} AND ${enrollments.userId} = ${userId} AND ${classes.archivedAt} IS NULL))`;
}

/**
 * True when `userId` teaches the class `classId` (a column or value): its owner (classes.instructor_id)
 * or a co-instructor (class_instructors). Every instructor query goes through it, so adding or
 * removing a co-instructor takes effect on the next request. Owner-only writes use `ownsClass`.
 */
export function teachesClass(userId: Value, classId: AnyColumn | SQL | Value): SQL {
  return sql`${classId} IN (SELECT ${classes.id} FROM ${classes} WHERE ${classes.instructorId} = ${userId}
    UNION ALL SELECT ${classInstructors.classId} FROM ${classInstructors} WHERE ${classInstructors.userId} = ${userId})`;
}

/** True for rows of `cl` (classes or an alias) created by `userId`: archiving, removing co-instructors. */
export function ownsClass(userId: Value, cl: ClassRef = classes): SQL {
  return sql`${cl.instructorId} = ${userId}`;
}
