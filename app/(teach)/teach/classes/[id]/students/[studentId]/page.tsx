import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import '@/components/teach/teach.css';
import { ActivityBars } from '@/components/teach/student-detail/activity-bars';
import { AssignmentPanel } from '@/components/teach/student-detail/assignment-panel';
import { studentDetailFor } from '@/db/queries/student-detail';
import { now } from '@/lib/clock';
import { parseId } from '@/lib/teach/ids';
import { formatShortDate } from '@/lib/time/zoned';
import { BackToClass, ownClassOr404 } from '../../../_lib/own-class';

export const metadata: Metadata = { title: 'Student' };

/**
 * One student of the class in depth: per assignment the dashboard's figures, goals, memory per
 * section, what they forget and every quiz answer; their reviews per day on the class's items.
 * 404 unless the instructor teaches the class and the student is enrolled in it.
 */
export default async function StudentPage({ params }: { params: Promise<{ id: string; studentId: string }> }) {
  const raw = await params;
  const { user, cls } = await ownClassOr404(raw.id);
  const studentId = parseId(raw.studentId);
  const detail = studentId === null ? undefined : await studentDetailFor(user.id, cls.id, studentId, now());
  if (!detail) notFound();
  const { student } = detail;
  return (
    <div className="stack">
      <div style={{ minWidth: 0 }}>
        <BackToClass cls={cls} />
        <h1 style={{ overflowWrap: 'anywhere' }} data-testid="student-name">
          {student.name}
        </h1>
        <p className="muted" style={{ margin: 0, overflowWrap: 'anywhere' }}>
          {student.email} · joined {formatShortDate(student.joinedAt, cls.timeZone)}
        </p>
      </div>
      <section className="card teach-section" aria-labelledby="activity-heading">
        <h2 id="activity-heading">Activity</h2>
        <p className="small muted" style={{ margin: 0 }}>
          Reviews per day of the items this class’s assignments cover (quiz answers count), days in {cls.timeZone.replaceAll('_', ' ')}.
        </p>
        <ActivityBars days={detail.activity} />
      </section>
      {detail.assignments.length === 0 ? (
        <p className="muted card">This class has no assignments yet.</p>
      ) : (
        detail.assignments.map((a) => <AssignmentPanel key={a.assignment.id} detail={a} timeZone={cls.timeZone} />)
      )}
    </div>
  );
}
