/**
 * The student's classes (/classes): each with its instructor, its assignments (all of them, the
 * late ones Today no longer shows included) and "Leave class", which asks first.
 */
import Link from 'next/link';
import type { ActionResult } from '@/lib/actions/result';
import { ConfirmAction } from '@/components/teach/confirm-action';
import { StatusBadge } from '@/components/teach/status-badge';
import { assignmentLabel } from '@/lib/teach/format';
import { formatDueDate } from '@/lib/time/zoned';
import { plural } from '@/lib/text/plural';
import type { AssignmentStatus } from '@/lib/teach/progress';

export interface ClassEntry {
  id: number;
  name: string;
  instructorName: string;
  assignments: number;
}

export interface ClassAssignment {
  id: number;
  classId: number;
  deckId: string;
  deckTitle: string;
  sectionTitles: string[];
  dueAt: number;
  status: AssignmentStatus;
  /** True when Today no longer lists it (more than a week late). */
  hiddenFromToday: boolean;
}

type LeaveAction = (prev: unknown, input: Record<string, unknown>) => Promise<ActionResult<unknown>>;

interface Props {
  classes: ClassEntry[];
  assignments: ClassAssignment[];
  /** The student's own zone, in which due dates are shown (as on Today). */
  timeZone: string;
  leave: LeaveAction;
}

export function ClassList({ classes, assignments, timeZone, leave }: Props) {
  if (classes.length === 0) {
    return (
      <div className="card empty" data-testid="no-classes">
        <p className="muted">You are not in a class. Have a class code? <Link href="/join">Join a class</Link></p>
      </div>
    );
  }
  return (
    <ul className="stack class-list" aria-label="Your classes">
      {classes.map((c) => {
        const own = assignments.filter((a) => a.classId === c.id);
        return (
          <li key={c.id} className="card" data-testid={`class-${c.id}`}>
            <h2 id={`class-heading-${c.id}`}>{c.name}</h2>
            <p className="small muted">
              {c.instructorName} · {plural(c.assignments, 'assignment')}
            </p>
            {own.length > 0 && (
              <ul className="class-assignments" aria-labelledby={`class-heading-${c.id}`}>
                {own.map((a) => (
                  <li key={a.id} data-testid={`class-assignment-${a.id}`}>
                    <span className="class-assignment-top">
                      <Link href={`/review/${a.deckId}`}>{assignmentLabel(a)}</Link>
                      <StatusBadge status={a.status} />
                    </span>
                    <span className="small muted">
                      due {formatDueDate(a.dueAt, timeZone)}
                      {a.hiddenFromToday && ' · no longer on Today'}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <ConfirmAction
              action={leave}
              fields={{ classId: c.id }}
              label="Leave class"
              question={`Leave ${c.name}? Your reviews and quiz results stay yours, and you can join again with the class code.`}
              confirmLabel="Leave"
              danger
              testId={`leave-class-${c.id}`}
            />
          </li>
        );
      })}
    </ul>
  );
}
