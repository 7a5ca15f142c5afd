/**
 * A student's own assignments, for the Today panel: what is due when, how far they are and
 * whether they are on track. Only classes the student is enrolled in, and not archived ones.
 */
import 'server-only';
import { db } from '@/db';
import { studentAnalytics } from '@/lib/teach/class-analytics';
import type { AssignmentStatus } from '@/lib/teach/progress';
import { assignmentFacts } from './assignment-facts';

export interface StudentAssignment {
  id: number;
  className: string;
  deckId: string;
  deckTitle: string;
  /** Section titles in deck order; empty when the whole deck is assigned. */
  sectionTitles: string[];
  dueAt: number;
  assigned: number;
  studied: number;
  /** Percent, 0–100, or null. */
  goalQuizScore: number | null;
  bestQuiz: number | null;
  goalRecall: number | null;
  recallAtDue: number;
  status: AssignmentStatus;
}

const mineStmt = db.$client.prepare<{ userId: number }, { id: number; classId: number; className: string; deckId: string; deckTitle: string; titles: string | null; sectionKeys: string | null }>(`
  SELECT a.id, a.class_id AS classId, cl.name AS className, a.deck_id AS deckId, d.title AS deckTitle, a.section_keys AS sectionKeys,
         (SELECT json_group_array(title) FROM (SELECT s.title FROM sections s WHERE s.deck_id = a.deck_id
            AND s.key IN (SELECT value FROM json_each(a.section_keys)) ORDER BY s.position)) AS titles
  FROM enrollments e JOIN classes cl ON cl.id = e.class_id JOIN assignments a ON a.class_id = cl.id JOIN decks d ON d.id = a.deck_id
  WHERE e.user_id = @userId AND cl.archived_at IS NULL
  ORDER BY a.due_at, a.id
`);

/** The student's assignments, soonest due first, with their progress at `now`. */
export function assignmentsForStudent(userId: number, now: Date): StudentAssignment[] {
  return mineStmt.all({ userId }).flatMap((a) => {
    const facts = assignmentFacts({ assignmentId: a.id, classId: a.classId, userId }, now);
    const me = facts && studentAnalytics(facts, now.getTime())[0];
    if (!facts || !me) return [];
    return [
      {
        id: a.id,
        className: a.className,
        deckId: a.deckId,
        deckTitle: a.deckTitle,
        sectionTitles: a.sectionKeys === null ? [] : (JSON.parse(a.titles ?? '[]') as string[]),
        dueAt: facts.assignment.dueAt,
        assigned: me.assigned,
        studied: me.studied,
        goalQuizScore: facts.assignment.goalQuizScore,
        bestQuiz: me.bestQuiz,
        goalRecall: facts.assignment.goalRecall,
        recallAtDue: me.recallAtDue,
        status: me.status,
      },
    ];
  });
}
