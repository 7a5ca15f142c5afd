/**
 * Per-student analytics for one assignment, sortable by any column; a large class shows its first
 * rows until asked for all. Each name opens the student's detail page; the goals column ticks the
 * goals met.
 */
import Link from 'next/link';
import { percent } from '@/lib/teach/format';
import type { StudentAnalytics } from '@/lib/teach/class-analytics';
import { sortRows, type SortState } from '@/lib/teach/sort';
import { formatShortDate } from '@/lib/time/zoned';
import { extendedDueLabel } from '@/lib/teach/extensions';
import { SortableHead, SortLinks, type Column } from './sortable';
import { StatusBadge } from './status-badge';
import { ShowAllLink } from './show-all-link';
import { GoalTicks, type AssignmentGoalsSet } from './goal-ticks';

export const STUDENT_SORT_KEYS = ['name', 'studied', 'reviews', 'retention', 'quiz', 'recall', 'active', 'goals', 'status'] as const;
export type StudentSortKey = (typeof STUDENT_SORT_KEYS)[number];

const COLUMNS: Column<StudentSortKey>[] = [
  { key: 'name', label: 'Student' },
  { key: 'studied', label: 'Studied', num: true },
  { key: 'reviews', label: 'Reviews 7 d', num: true },
  { key: 'retention', label: 'Retention 30 d', num: true },
  { key: 'quiz', label: 'Best quiz', num: true },
  { key: 'recall', label: 'Recall at due', num: true },
  { key: 'active', label: 'Last active' },
  { key: 'goals', label: 'Goals met' },
  { key: 'status', label: 'Status' },
];

const STATUS_RANK = { late: 0, behind: 1, 'on-track': 2, done: 3 } as const;

const VALUE: Record<StudentSortKey, (s: StudentAnalytics) => string | number | null> = {
  name: (s) => s.name,
  studied: (s) => (s.assigned === 0 ? 0 : s.studied / s.assigned),
  reviews: (s) => s.reviews7d,
  retention: (s) => s.retention30,
  quiz: (s) => s.bestQuiz,
  recall: (s) => s.recallAtDue,
  active: (s) => s.lastActive,
  goals: (s) => Number(s.goalsMet.items) + Number(s.goalsMet.quiz) + Number(s.goalsMet.recall),
  status: (s) => STATUS_RANK[s.status],
};

interface Props {
  rows: StudentAnalytics[];
  sort: SortState<StudentSortKey>;
  query: Record<string, string>;
  timeZone: string;
  /** The assignment's goals, to tell a goal not met from no goal at all. */
  goals: AssignmentGoalsSet;
  /** Where a student's detail page is: this followed by their id. */
  studentHrefBase: string;
  /** Otherwise the first rows only: a class of 200 is a 600 KB page, slow to render and to scroll on a phone. */
  showAll?: boolean;
}

export const STUDENTS_SHOWN = 50;

export function StudentTable({ rows, sort, query, timeZone, goals, studentHrefBase, showAll = false }: Props) {
  if (rows.length === 0) return <p className="muted">No students yet. Share the join code to fill the roster.</p>;
  const head = { columns: COLUMNS, sort, query, sortParam: 'sort', dirParam: 'dir', anchor: 'students' };
  const sorted = sortRows(rows, VALUE[sort.key], sort.dir);
  const shown = showAll ? sorted : sorted.slice(0, STUDENTS_SHOWN);
  const allHref = `?${new URLSearchParams({ ...query, sall: '1' }).toString()}#students`;
  return (
    <div className="table-wrap">
      <SortLinks {...head} />
      <table className="data-table" data-testid="student-table">
        <caption className="visually-hidden">Progress of each student on this assignment</caption>
        <SortableHead {...head} />
        <tbody>
          {shown.map((s) => (
            <tr key={s.userId} data-testid={`student-row-${s.userId}`}>
              <td className="cell-main" data-label="Student" title={s.email}>
                <Link href={`${studentHrefBase}${s.userId}`} data-testid={`student-link-${s.userId}`}>
                  {s.name}
                </Link>
                {s.extended && (
                  <span className="muted small" style={{ display: 'block' }} data-testid={`extended-${s.userId}`}>
                    {extendedDueLabel(s.dueAt, timeZone)}
                  </span>
                )}
              </td>
              <td className="num nowrap" data-label="Studied">{s.studied} / {s.assigned}</td>
              <td className="num" data-label="Reviews 7 d">{s.reviews7d}</td>
              <td className="num" data-label="Retention 30 d">{percent(s.retention30)}</td>
              <td className="num" data-label="Best quiz">{percent(s.bestQuiz)}</td>
              <td className="num" data-label="Recall at due">{percent(s.recallAtDue)}</td>
              <td className="nowrap" data-label="Last active">{s.lastActive === null ? 'Never' : formatShortDate(s.lastActive, timeZone)}</td>
              <td data-label="Goals met"><GoalTicks met={s.goalsMet} goals={goals} /></td>
              <td data-label="Status"><StatusBadge status={s.status} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length < sorted.length && <ShowAllLink href={allHref} count={sorted.length} noun="students" testId="show-all-students" />}
    </div>
  );
}
