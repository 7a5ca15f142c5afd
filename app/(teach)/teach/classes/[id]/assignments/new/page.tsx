import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import '@/components/teach/teach.css';
import { createAssignmentAction } from '@/app/(teach)/teach/assignment-actions';
import { AssignmentForm } from '@/components/teach/assignment-form';
import { assignableDecks } from '@/db/queries/assignments';
import { classForInstructor } from '@/db/queries/classes';
import { requireRole } from '@/db/queries/session';
import { now } from '@/lib/clock';
import { parseId } from '@/lib/teach/ids';
import { utcToLocalDateTime } from '@/lib/time/zoned';

export const metadata: Metadata = { title: 'New assignment' };

export default async function NewAssignmentPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole('instructor');
  const classId = parseId((await params).id);
  const cls = classId === null ? undefined : classForInstructor(user.id, classId);
  if (!cls) notFound();
  const decks = assignableDecks(user.id);
  // A week from now, at the end of that day in the class's zone.
  const { date } = utcToLocalDateTime(now().getTime() + 7 * 86_400_000, cls.timeZone);
  return (
    <div className="stack" style={{ maxWidth: 640 }}>
      <div>
        <p className="small" style={{ margin: 0 }}>
          <Link href={`/teach/classes/${cls.id}`}>← {cls.name}</Link>
        </p>
        <h1>New assignment</h1>
      </div>
      <section className="card">
        {decks.length === 0 ? (
          <p className="muted">There is no deck to assign yet.</p>
        ) : (
          <AssignmentForm
            action={createAssignmentAction}
            hidden={{ classId: cls.id }}
            decks={decks}
            timeZone={cls.timeZone}
            submitLabel="Create assignment"
            initial={{ deckId: decks[0]?.id ?? '', scope: 'all', sectionKeys: [], dueDate: date, dueTime: '23:59', goalQuizScore: '', goalRecallPercent: '' }}
          />
        )}
      </section>
    </div>
  );
}
