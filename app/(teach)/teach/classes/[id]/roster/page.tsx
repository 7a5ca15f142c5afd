import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import '@/components/teach/teach.css';
import { RosterTable } from '@/components/teach/roster-table';
import { classForInstructor, rosterForInstructor } from '@/db/queries/classes';
import { requireRole } from '@/db/queries/session';
import { parseId } from '@/lib/teach/ids';

export const metadata: Metadata = { title: 'Roster' };

/** Everyone in one of this instructor's classes, with when they joined and a confirmed "remove". */
export default async function RosterPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole('instructor');
  const classId = parseId((await params).id);
  const cls = classId === null ? undefined : classForInstructor(user.id, classId);
  if (!cls) notFound();
  const roster = rosterForInstructor(user.id, cls.id);
  return (
    <div className="stack">
      <div>
        <p className="small" style={{ margin: 0 }}>
          <Link href={`/teach/classes/${cls.id}`}>← {cls.name}</Link>
        </p>
        <h1>Roster</h1>
        <p className="muted" style={{ margin: 0 }}>
          {roster.length} {roster.length === 1 ? 'student' : 'students'}. Removing a student takes the class’s assignments off their Today page; their own
          study history stays with them.
        </p>
      </div>
      <section className="card teach-section" aria-label="Students in this class">
        <RosterTable classId={cls.id} roster={roster} timeZone={cls.timeZone} />
      </section>
    </div>
  );
}
