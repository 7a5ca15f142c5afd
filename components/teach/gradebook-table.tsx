/**
 * The gradebook on screen: one row per student, and per assignment a group of short columns (a
 * second header row under the assignment's name; the legend gives the long names). It stays a
 * table on a phone and scrolls sideways inside its box, the student's name kept in view.
 */
import Link from 'next/link';
import type { StudentAnalytics } from '@/lib/teach/class-analytics';
import { percent } from '@/lib/teach/format';
import { GRADEBOOK_COLUMNS, type GradebookColumnKey } from '@/lib/teach/gradebook-columns';
import { formatShortDate } from '@/lib/time/zoned';
import { GoalTicks, GoalTicksLegend, type AssignmentGoalsSet } from './goal-ticks';
import { StatusBadge } from './status-badge';

export interface GradebookAssignment extends AssignmentGoalsSet {
  id: number;
  label: string;
  due: string;
}

interface Props {
  students: { userId: number; name: string; email: string }[];
  assignments: GradebookAssignment[];
  cell: (assignmentId: number, userId: number) => StudentAnalytics | undefined;
  timeZone: string;
  studentHrefBase: string;
}

// On screen "studied" reads "3 / 10", so "assigned" needs no column of its own; goals come as ticks.
const SHOWN = GRADEBOOK_COLUMNS.filter((c) => c.key !== 'assigned');
const GOALS = { key: 'goals', short: 'Goals', long: 'goals met (see below)' } as const;

function value(key: GradebookColumnKey, s: StudentAnalytics, timeZone: string) {
  switch (key) {
    case 'studied':
    case 'assigned':
      return `${s.studied} / ${s.assigned}`;
    case 'bestQuiz':
    case 'recallAtDue':
    case 'retention30':
      return percent(s[key]);
    case 'reviews7d':
      return String(s.reviews7d);
    case 'lastActive':
      return s.lastActive === null ? 'Never' : formatShortDate(s.lastActive, timeZone);
    case 'status':
      return <StatusBadge status={s.status} />;
    case 'dueAt':
      return `${formatShortDate(s.dueAt, timeZone)}${s.extended ? ' (extended)' : ''}`;
  }
}

export function GradebookTable({ students, assignments, cell, timeZone, studentHrefBase }: Props) {
  if (students.length === 0) return <p className="muted">No students yet.</p>;
  if (assignments.length === 0) return <p className="muted">No assignments yet.</p>;
  const span = SHOWN.length + 1;
  return (
    <>
      <div className="grade-wrap" tabIndex={0} role="group" aria-label="Gradebook, scrolls sideways">
        <table className="grade-table" data-testid="gradebook-table">
          <caption className="visually-hidden">Each student’s figures on each assignment</caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2} className="grade-name">Student</th>
              {assignments.map((a) => (
                <th key={a.id} scope="colgroup" colSpan={span} className="grade-group">
                  {a.label} <span className="muted">(due {a.due})</span>
                </th>
              ))}
            </tr>
            <tr>
              {assignments.flatMap((a) =>
                [...SHOWN, GOALS].map((c) => (
                  <th key={`${a.id}-${c.key}`} scope="col" className={c.key === 'status' || c.key === 'goals' || c.key === 'lastActive' ? '' : 'num'}>
                    <abbr title={c.long}>{c.short}</abbr>
                  </th>
                )),
              )}
            </tr>
          </thead>
          <tbody>
            {students.map((st) => (
              <tr key={st.userId} data-testid={`gradebook-row-${st.userId}`}>
                <th scope="row" className="grade-name" title={st.email}>
                  <Link href={`${studentHrefBase}${st.userId}`}>{st.name}</Link>
                </th>
                {assignments.flatMap((a) => {
                  const s = cell(a.id, st.userId);
                  const cells = SHOWN.map((c) => (
                    <td key={`${a.id}-${c.key}`} className={c.key === 'status' || c.key === 'lastActive' ? 'nowrap' : 'num nowrap'} data-col={c.key}>
                      {s ? value(c.key, s, timeZone) : '–'}
                    </td>
                  ));
                  cells.push(
                    <td key={`${a.id}-goals`} data-col="goals">
                      {s ? <GoalTicks met={s.goalsMet} goals={a} compact /> : '–'}
                    </td>,
                  );
                  return cells;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="grade-legend small" data-testid="gradebook-legend">
        {[...SHOWN, GOALS].map((c) => (
          <div key={c.key}>
            <dt>{c.short}</dt>
            <dd>{c.long}</dd>
          </div>
        ))}
      </dl>
      <GoalTicksLegend />
    </>
  );
}
