/**
 * How far a student is with one assignment, and what that means: done, on track, behind, late.
 * Pure: the db layer supplies counts and memory facts; the Today panel, the class analytics and
 * the gradebook all call this, so a status means the same thing everywhere.
 */

export type AssignmentStatus = 'done' | 'on-track' | 'behind' | 'late';

export const STATUS_LABEL: Record<AssignmentStatus, string> = {
  done: 'Done',
  'on-track': 'On track',
  behind: 'Behind',
  late: 'Late',
};

export interface AssignmentGoals {
  dueAt: number;
  /** Quiz score to reach, in percent (0–100); null = no quiz goal. */
  goalQuizScore: number | null;
  /** Mean predicted recall at the due date to reach (0–1); null = no memory goal. */
  goalRecall: number | null;
}

export interface StudentProgressFacts {
  /** Items (cards) in the assignment. */
  assigned: number;
  /** Assigned items with at least one review (quiz answers count) so far. */
  studiedNow: number;
  /** Assigned items first reviewed at or before the due date. */
  studiedByDue: number;
  /** Best finished quiz on the deck at or before the due date, 0–1. */
  bestQuizByDue: number | null;
  /** Mean predicted recall at the due date over the assigned items (unstudied count 0). */
  recallAtDue: number;
  /** When this student's clock started: the later of the assignment's creation and their joining. */
  startAt: number;
}

export interface StudentProgress {
  status: AssignmentStatus;
  goalsMet: { items: boolean; quiz: boolean; recall: boolean };
  /** Share of the items a student should have studied by now to be on track (0–1). */
  expectedFraction: number;
}

const EPS = 1e-9;

/**
 * Status of one student's assignment at `now`.
 * - done: every goal is met by the due date (every item studied at least once, the quiz score
 *   reached if asked, the mean predicted recall at the due date reached if asked).
 * - late: the due date has passed and some goal was not met by then.
 * - on track: before the due date, the share of items studied is at least the share of the
 *   student's time that has elapsed (from the later of assignment creation and joining the
 *   class, to the due date, less a day's grace): a steady pace finishes on time. Quiz and memory goals are met
 *   at the end (they can only be judged near the due date), so they don't move the pace.
 * - behind: before the due date and slower than that pace.
 * @example studentStatus({ dueAt: 10, goalQuizScore: null, goalRecall: null },
 *   { assigned: 10, studiedNow: 3, studiedByDue: 3, bestQuizByDue: null, recallAtDue: 0.3, startAt: 0 }, 5)
 * // { status: 'behind', expectedFraction: 0.5, ... }
 */
const GRACE_MS = 86_400_000;

export function studentStatus(goals: AssignmentGoals, facts: StudentProgressFacts, now: number): StudentProgress {
  const goalsMet = {
    items: facts.studiedByDue >= facts.assigned,
    quiz: goals.goalQuizScore === null || (facts.bestQuizByDue !== null && facts.bestQuizByDue * 100 >= goals.goalQuizScore - EPS),
    recall: goals.goalRecall === null || facts.recallAtDue >= goals.goalRecall - EPS,
  };
  const span = goals.dueAt - facts.startAt;
  const expectedFraction = span <= 0 ? 1 : Math.min(1, Math.max(0, (now - facts.startAt) / span));
  // A grace of a day (or a tenth of a short assignment) so nobody is "behind" minutes after it is set.
  const graceFraction = span <= 0 ? 0 : Math.min(GRACE_MS, span / 10) / span;
  let status: AssignmentStatus;
  if (goalsMet.items && goalsMet.quiz && goalsMet.recall) status = 'done';
  else if (now > goals.dueAt) status = 'late';
  else {
    const studiedFraction = facts.assigned === 0 ? 1 : facts.studiedNow / facts.assigned;
    status = studiedFraction >= expectedFraction - graceFraction - EPS ? 'on-track' : 'behind';
  }
  return { status, goalsMet, expectedFraction };
}

/** Predicted recall: the one curve, in lib/scheduler/recall.ts. */
export { recallAt } from '@/lib/scheduler/recall';

/** Mean of `sum` over `count` items, 0 when there are none. */
export function mean(sum: number, count: number): number {
  return count === 0 ? 0 : sum / count;
}
