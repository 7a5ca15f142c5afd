/**
 * The analytics part of a class page: pick an assignment (tabs as links), then per-student,
 * per-section and per-item tables for it. Sorting and the choice live in the URL.
 */
import Link from 'next/link';
import type { ActionResult } from '@/lib/actions/result';
import type { AssignmentAnalytics } from '@/db/queries/class-analytics';
import type { TypedItemReport } from '@/db/queries/typed-answers';
import type { AssignmentView } from '@/db/queries/assignments';
import type { ClassSummary } from '@/db/queries/classes';
import { assignmentLabel } from '@/lib/teach/format';
import { parseSort } from '@/lib/teach/sort';
import { formatDueDate } from '@/lib/time/zoned';
import { ITEM_SORT_KEYS, ItemTable } from './item-table';
import { SectionTable } from './section-table';
import { StatusSummary } from './status-summary';
import { STUDENT_SORT_KEYS, StudentTable } from './student-table';
import { TypedAnswersTable } from './typed-answers-table';
import type { OverruleRequest } from '@/db/queries/quiz-overrules';
import { OverruleRequests } from './overrule-requests';
import type { DecideOverrule } from './overrule-decision';

/** What the dashboard shows of the chosen assignment, read by the page (components do not query). */
export interface ClassAnalyticsData {
  current: AssignmentView | undefined;
  analytics: AssignmentAnalytics | undefined;
  typed: TypedItemReport[] | undefined;
  requests: OverruleRequest[] | null;
}

interface Props {
  data: ClassAnalyticsData;
  cls: ClassSummary;
  assignments: AssignmentView[];
  query: Record<string, string | string[] | undefined>;
  acceptAnswer: (prev: unknown, input: Record<string, unknown>) => Promise<ActionResult<unknown>>;
  decideOverrule: DecideOverrule;
}

/** The assignment asked for, else the next one due, else the last one. */
export function chosenAssignment(assignments: AssignmentView[], asked: number | null, now: Date): AssignmentView | undefined {
  return assignments.find((a) => a.id === asked) ?? assignments.find((a) => a.dueAt >= now.getTime()) ?? assignments.at(-1);
}

export function ClassAnalytics({ data, cls, assignments, query, acceptAnswer, decideOverrule }: Props) {
  const { current, analytics, typed, requests } = data;
  const keep: Record<string, string> = {};
  for (const k of ['sort', 'dir', 'sall', 'isort', 'idir', 'iall']) {
    const v = query[k];
    if (typeof v === 'string') keep[k] = v;
  }
  if (current) keep.a = String(current.id);
  return (
    <section className="stack" id="analytics" aria-labelledby="analytics-heading">
      <h2 id="analytics-heading" style={{ margin: 0 }}>
        Analytics
      </h2>
      {!current || !analytics ? (
        <p className="muted card">Create an assignment to see how the class is doing.</p>
      ) : (
        <>
          {assignments.length > 1 && (
            <nav className="tabs" aria-label="Assignment">
              {assignments.map((a) => (
                <a key={a.id} href={`?a=${a.id}#analytics`} aria-current={a.id === current.id ? 'page' : undefined}>
                  {assignmentLabel(a)}
                </a>
              ))}
            </nav>
          )}
          <p className="muted" style={{ margin: 0 }}>
            <strong style={{ color: 'var(--text)' }}>{assignmentLabel(current)}</strong> · due {formatDueDate(current.dueAt, cls.timeZone)}. On track
            means the share of items studied keeps up with the share of time gone since the assignment was set (or the student joined).
          </p>
          {requests && <OverruleRequests rows={requests} decide={decideOverrule} timeZone={cls.timeZone} />}
          <div className="card teach-section" id="students">
            <h3 style={{ margin: 0 }}>Students</h3>
            <StatusSummary rows={analytics.students} query={keep} />
            <StudentTable
              rows={analytics.students}
              sort={parseSort(query.sort, query.dir, STUDENT_SORT_KEYS, { key: 'name', dir: 'asc' })}
              query={keep}
              timeZone={cls.timeZone}
              goals={current}
              studentHrefBase={`/teach/classes/${cls.id}/students/`}
              showAll={query.sall === '1'}
            />
          </div>
          <div className="card teach-section" id="sections">
            <h3 style={{ margin: 0 }}>Sections</h3>
            <p className="small muted" style={{ margin: 0 }}>
              Mean predicted recall over every student and item; items a student has not studied count as 0.
            </p>
            <SectionTable rows={analytics.sections} />
          </div>
          <div className="card teach-section" id="items">
            <div className="section-head">
              <h3 style={{ margin: 0 }}>Items</h3>
              <Link className="btn btn-small" href={`/teach/classes/${cls.id}/assignments/${current.id}/responses`} data-testid="responses-link">
                Responses per option
              </Link>
            </div>
            <p className="small muted" style={{ margin: 0 }}>
              Lapse rate: share of reviews after an item was learned that were forgotten (Again). Quiz facility: share of quiz answers that were right. Discrimination: how much better students who do well on the other quiz questions do on this one (correlation, −1 to 1; under 0.2 is weak), shown once 2 students have answered it and flagged from 10.
            </p>
            {/* Most forgotten first: what the class keeps forgetting is what to revisit in class. */}
            <ItemTable
              rows={analytics.items}
              sort={parseSort(query.isort, query.idir, ITEM_SORT_KEYS, { key: 'lapses', dir: 'desc' })}
              query={keep}
              showAll={query.iall === '1'}
            />
          </div>
          <div className="card teach-section" id="typed-answers">
            <h3 style={{ margin: 0 }}>Typed answers marked wrong</h3>
            <p className="small muted" style={{ margin: 0 }}>
              What students typed, in review and quizzes, that the checker did not accept, and how often they said “I was right”.
            </p>
            <TypedAnswersTable rows={typed ?? []} acceptAnswer={acceptAnswer} />
          </div>
        </>
      )}
    </section>
  );
}
