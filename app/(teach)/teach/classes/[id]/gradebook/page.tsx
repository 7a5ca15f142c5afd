import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import '@/components/teach/teach.css';
import { GradebookTable } from '@/components/teach/gradebook-table';
import { gradebookFor } from '@/db/queries/class-analytics';
import { now } from '@/lib/clock';
import { assignmentLabel } from '@/lib/teach/format';
import { utcToLocalDateTime } from '@/lib/time/zoned';
import { BackToClass, ownClassOr404 } from '../../_lib/own-class';

export const metadata: Metadata = { title: 'Gradebook' };

/** The gradebook CSV's numbers on screen (the same query), every student × every assignment. */
export default async function GradebookPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, cls } = await ownClassOr404((await params).id);
  const book = await gradebookFor(user.id, cls.id, now());
  if (!book) notFound();
  const tz = book.timeZone;
  return (
    <div className="stack">
      <div className="page-head" style={{ marginBottom: 0 }}>
        <div style={{ minWidth: 0 }}>
          <BackToClass cls={cls} />
          <h1>Gradebook</h1>
        </div>
        <a className="btn" href={`/teach/classes/${cls.id}/gradebook.csv`} download data-testid="gradebook-csv-link">
          Download CSV
        </a>
      </div>
      <section className="card teach-section" aria-label="Gradebook" style={{ minWidth: 0 }}>
        <GradebookTable
          students={book.roster}
          assignments={book.assignments.map((a) => ({
            id: a.id,
            label: assignmentLabel(a),
            due: utcToLocalDateTime(a.dueAt, tz).date,
            goalQuizScore: a.goalQuizScore,
            goalRecall: a.goalRecall,
          }))}
          cell={(assignmentId, userId) => book.grades.get(assignmentId)?.get(userId)}
          timeZone={tz}
          studentHrefBase={`/teach/classes/${cls.id}/students/`}
        />
      </section>
    </div>
  );
}
