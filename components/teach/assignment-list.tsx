/** The class's assignments: what, which sections, due when (in the class's zone), goals; links to edit and to analytics. */
import Link from 'next/link';
import type { AssignmentView } from '@/db/queries/assignments';
import { assignmentLabel, goalsText } from '@/lib/teach/format';
import { formatDueDate } from '@/lib/time/zoned';
import { plural } from '@/lib/text/plural';
import { quizSpecText } from '@/lib/teach/assignment-quiz';

export function AssignmentList({ classId, assignments, timeZone }: { classId: number; assignments: AssignmentView[]; timeZone: string }) {
  if (assignments.length === 0) return <p className="muted" data-testid="assignments-empty">No assignments yet.</p>;
  return (
    <ul className="assignment-list" data-testid="assignment-list">
      {assignments.map((a) => (
        <li key={a.id} data-testid={`assignment-${a.id}`}>
          <div style={{ minWidth: 0 }}>
            <strong style={{ overflowWrap: 'anywhere' }}>{assignmentLabel(a)}</strong>
            <div className="small muted">
              Due {formatDueDate(a.dueAt, timeZone)} · {plural(a.items, 'card')}
            </div>
            <div className="small muted">Goal: {goalsText(a)}</div>
            {a.goalQuizScore !== null && (
              <div className="small muted" data-testid="assignment-quiz-spec">
                Quiz: {quizSpecText(a.quiz, a.quizAvailable)}
              </div>
            )}
          </div>
          <div className="row" style={{ gap: '0.5rem' }}>
            <Link className="btn btn-small" href={`/teach/classes/${classId}?a=${a.id}#analytics`}>
              Analytics
            </Link>
            <Link className="btn btn-small" href={`/teach/classes/${classId}/assignments/${a.id}`}>
              Edit
            </Link>
          </div>
        </li>
      ))}
    </ul>
  );
}
