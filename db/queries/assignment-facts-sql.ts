/**
 * The common table expressions of the class analytics (assignment-facts.ts): the roster of one
 * assignment with each student's own due date and weights, and its assigned cards. MATERIALIZED:
 * each is computed once and read by several parts of a query (both engines honour it).
 */
import { sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Fragments } from '@/db/engine/fragments';
import { assignments, cards, enrollments, sections, userSettings } from '@/db/schema';
import { a, assignedCard, c, sec } from './assignment-sql';
import { effectiveDue } from './extensions';

export interface Scope {
  assignmentId: number;
  classId: number;
  /**
   * One student of the class instead of the whole roster (the student detail page): the student's
   * own numbers are the same either way, and the per-card sums become that student's.
   */
  onlyUserId?: number | null;
}

export const e = alias(enrollments, 'e');
const us = alias(userSettings, 'us');

/** The roster rows `e` of the scope (all of the class, or its one student). */
export function rosterOf(scope: Scope): SQL {
  const only = scope.onlyUserId ?? null;
  return sql`${e.classId} = ${scope.classId}${only === null ? sql`` : sql` AND ${e.userId} = ${only}`}`;
}

/** `students (user_id, weights, due_at)`: the roster, their FSRS weights and their own due date. */
export function studentsCte(f: Fragments, scope: Scope): SQL {
  return sql`students AS MATERIALIZED (SELECT ${e.userId} AS user_id, ${us.fsrsWeights} AS weights, ${effectiveDue(f, e.userId)} AS due_at
    FROM ${enrollments} ${e} JOIN ${assignments} ${a} ON ${a.id} = ${scope.assignmentId}
    LEFT JOIN ${userSettings} ${us} ON ${us.userId} = ${e.userId} WHERE ${rosterOf(scope)})`;
}

/** `assigned (id)`: the assignment's cards. */
export function assignedCte(f: Fragments, scope: Scope): SQL {
  return sql`assigned AS MATERIALIZED (SELECT ${c.id} AS id FROM ${assignments} ${a} JOIN ${cards} ${c} ON ${c.deckId} = ${a.deckId}
    JOIN ${sections} ${sec} ON ${sec.id} = ${c.sectionId} WHERE ${a.id} = ${scope.assignmentId} AND ${assignedCard(f)})`;
}

/** 1 when `condition` holds, else 0: summed, it counts rows (PostgreSQL does not sum booleans). */
export function oneIf(condition: SQL): SQL {
  return sql`CASE WHEN ${condition} THEN 1 ELSE 0 END`;
}
