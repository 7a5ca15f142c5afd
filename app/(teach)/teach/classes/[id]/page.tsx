import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import '@/components/teach/teach.css';
import { setArchivedAction } from '@/app/(teach)/teach/actions';
import { AssignmentList } from '@/components/teach/assignment-list';
import { ClassAnalytics, chosenAssignment, type ClassAnalyticsData } from '@/components/teach/class-analytics';
import { assignmentAnalyticsFor } from '@/db/queries/class-analytics';
import { typedAnswerReport } from '@/db/queries/typed-answers';
import { pendingOverrules } from '@/db/queries/quiz-overrules';
import { parseId } from '@/lib/teach/ids';
import { ConfirmAction } from '@/components/teach/confirm-action';
import { JoinCodePanel } from '@/components/teach/join-code-panel';
import { regenerateJoinCodeAction } from '@/app/(teach)/teach/actions';
import { RosterSummary } from '@/components/teach/roster-summary';
import { assignmentsForClass, type AssignmentView } from '@/db/queries/assignments';
import { rosterForInstructor } from '@/db/queries/classes';
import { now } from '@/lib/clock';
import { ownClassOr404 } from '../_lib/own-class';
import { plural } from '@/lib/text/plural';
import { acceptTypedAnswerAction } from '@/app/(teach)/teach/typed-answer-actions';
import { decideOverruleAction } from '@/app/(teach)/teach/overrule-actions';
import { addCoInstructorAction, removeCoInstructorAction } from '@/app/(teach)/teach/class-staff-actions';
import { InstructorsPanel } from '@/components/teach/instructors-panel';
import { instructorsOfClass } from '@/db/queries/class-instructors';

export const metadata: Metadata = { title: 'Class' };

type SearchParams = Record<string, string | string[] | undefined>;

async function siteOrigin(): Promise<string> {
  const h = await headers();
  const proto = h.get('x-forwarded-proto') ?? 'http';
  return `${proto}://${h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost'}`;
}

/** The dashboard's figures for the assignment the query names (else the next due, else the last). */
async function analyticsData(instructorId: number, classId: number, assignments: AssignmentView[], query: SearchParams, at: Date): Promise<ClassAnalyticsData> {
  const current = chosenAssignment(assignments, parseId(query.a), at);
  if (!current) return { current, analytics: undefined, typed: undefined, requests: null };
  return {
    current,
    analytics: assignmentAnalyticsFor(instructorId, classId, current.id, at),
    typed: await typedAnswerReport(instructorId, classId, current.id),
    requests: current.goalQuizScore !== null ? pendingOverrules(instructorId, classId, current.id) : null,
  };
}

export default async function ClassPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const { user, cls } = await ownClassOr404((await params).id);
  const query = await searchParams;
  const assignments = assignmentsForClass(user.id, cls.id);
  const roster = rosterForInstructor(user.id, cls.id);
  const archived = cls.archivedAt !== null;
  const isOwner = cls.ownerId === user.id;
  const at = now();
  return (
    <div className="stack">
      <div className="page-head" style={{ marginBottom: 0 }}>
        <div style={{ minWidth: 0 }}>
          <p className="small" style={{ margin: 0 }}>
            <Link href="/teach">← All classes</Link>
          </p>
          <h1 style={{ overflowWrap: 'anywhere' }}>
            {cls.name} {archived && <span className="badge badge-warn">Archived</span>}
          </h1>
          <p className="muted" style={{ margin: 0 }}>
            {plural(roster.length, 'student')} · due dates in {cls.timeZone.replaceAll('_', ' ')}
          </p>
        </div>
        <div className="row">
          <Link className="btn" href={`/teach/classes/${cls.id}/gradebook`} data-testid="gradebook-page-link">
            Gradebook
          </Link>
          <a className="btn" href={`/teach/classes/${cls.id}/gradebook.csv`} download data-testid="gradebook-link">
            Gradebook (CSV)
          </a>
          <Link className="btn" href={`/teach/classes/${cls.id}/calibration`} data-testid="calibration-link">
            Calibration
          </Link>
          {isOwner && <ConfirmAction
            action={setArchivedAction}
            fields={{ classId: cls.id, archived: archived ? 'false' : 'true' }}
            label={archived ? 'Unarchive' : 'Archive'}
            question={archived ? 'Bring this class back? Students can join again and see its assignments.' : 'Archive this class? Nobody can join, and its assignments leave students’ Today page. Nothing is deleted.'}
            confirmLabel={archived ? 'Yes, unarchive' : 'Yes, archive'}
            testId="archive-class"
          />}
        </div>
      </div>
      <div className="grid-2">
        <JoinCodePanel classId={cls.id} joinCode={cls.joinCode} origin={await siteOrigin()} archived={archived} regenerate={regenerateJoinCodeAction} />
        <section className="card teach-section" aria-labelledby="assignments-heading">
          <div className="section-head">
            <h2 id="assignments-heading">Assignments</h2>
            <Link className="btn btn-primary btn-small" href={`/teach/classes/${cls.id}/assignments/new`} data-testid="new-assignment">
              New assignment
            </Link>
          </div>
          <AssignmentList classId={cls.id} assignments={assignments} timeZone={cls.timeZone} />
        </section>
      </div>
      <section className="card teach-section" aria-labelledby="roster-heading">
        <h2 id="roster-heading">Roster</h2>
        <RosterSummary classId={cls.id} roster={roster} timeZone={cls.timeZone} />
      </section>
      <section className="card teach-section" aria-labelledby="instructors-heading">
        <h2 id="instructors-heading">Instructors</h2>
        <InstructorsPanel classId={cls.id} instructors={instructorsOfClass(user.id, cls.id)} viewerIsOwner={isOwner} add={addCoInstructorAction} remove={removeCoInstructorAction} />
      </section>
      <ClassAnalytics data={await analyticsData(user.id, cls.id, assignments, query, at)} cls={cls} assignments={assignments} query={query} acceptAnswer={acceptTypedAnswerAction} decideOverrule={decideOverruleAction} />
    </div>
  );
}
