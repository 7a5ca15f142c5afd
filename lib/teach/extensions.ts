/**
 * Extensions: a later due date for one student on one assignment. The due date a student works to
 * is the later of the assignment's and their extension's, so moving the class date past an
 * extension never shortens anyone's time. db/queries/extensions.ts holds the same rule in SQL.
 */

export const EXTENSION_MAX_MS = 365 * 86_400_000;

/**
 * The due date that applies to one student.
 * @example effectiveDueAt(1000, null) // 1000
 * @example effectiveDueAt(1000, 5000) // 5000
 * @example effectiveDueAt(9000, 5000) // 9000 (the class date moved past the extension)
 */
export function effectiveDueAt(assignmentDueAt: number, extensionDueAt: number | null): number {
  return extensionDueAt === null ? assignmentDueAt : Math.max(assignmentDueAt, extensionDueAt);
}

export type ExtensionDateError = 'not-later' | 'too-far';

/**
 * Whether `dueAt` may be an extension of an assignment due `assignmentDueAt`, created `createdAt`:
 * later than the assignment's own due date (so also after it was set), and at most a year after
 * that due date (or after its creation, whichever is later).
 */
export function extensionDateError(dueAt: number, assignment: { dueAt: number; createdAt: number }): ExtensionDateError | null {
  if (dueAt <= assignment.dueAt) return 'not-later';
  if (dueAt > Math.max(assignment.createdAt, assignment.dueAt) + EXTENSION_MAX_MS) return 'too-far';
  return null;
}

/**
 * The short due-date note shown beside a student who has an extension.
 * @example extendedDueLabel(Date.parse('2026-12-09T12:00:00Z'), 'UTC') // 'due Wed 9 Dec (extended)'
 */
export function extendedDueLabel(dueAt: number, timeZone: string): string {
  const day = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(dueAt));
  return `due ${day.replace(',', '')} (extended)`;
}
