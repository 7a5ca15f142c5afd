/**
 * The deck-visibility rule of access.ts as a typed `sql` fragment for queries on the engine
 * (db/engine): shared decks, decks the user wrote, and decks assigned to a class they are
 * enrolled in that is not archived. access.ts keeps the same rule as a SQLite string for the
 * prepared statements not yet moved; tests/integration/engine.test.ts checks the two agree.
 */
import { sql, type AnyColumn, type Placeholder, type SQL } from 'drizzle-orm';
import { assignments, classes, classInstructors, decks, enrollments } from '@/db/schema';

/**
 * True for rows of `d` (the decks table, or an alias of it) that `userId` may study. `userId` may be a
 * `sql.placeholder` in a prepared statement (a hot path's, db/queries/study.ts).
 */
export function deckVisibleTo(userId: number | Placeholder, d: typeof decks = decks): SQL {
  return sql`(${d.ownerId} IS NULL OR ${d.ownerId} = ${userId} OR EXISTS (
    SELECT 1 FROM ${assignments}
      JOIN ${enrollments} ON ${enrollments.classId} = ${assignments.classId}
      JOIN ${classes} ON ${classes.id} = ${assignments.classId}
    WHERE ${assignments.deckId} = ${d.id} AND ${enrollments.userId} = ${userId} AND ${classes.archivedAt} IS NULL))`;
}

// --- teaching a class (issue 18, db/queries teach group) -----------------------------------------
/**
 * The "teaches" rule of access.ts teachesClassSql as a typed fragment: `classId` (a column or
 * expression) is a class `userId` owns or co-teaches. access.ts keeps the string for the prepared
 * statements not yet on the engine.
 */
export function teachesClass(classId: SQL | AnyColumn, userId: number): SQL {
  return sql`${classId} IN (SELECT ${classes.id} FROM ${classes} WHERE ${classes.instructorId} = ${userId}
    UNION ALL SELECT ${classInstructors.classId} FROM ${classInstructors} WHERE ${classInstructors.userId} = ${userId})`;
}
