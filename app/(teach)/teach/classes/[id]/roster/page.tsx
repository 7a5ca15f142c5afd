import type { Metadata } from 'next';
import '@/components/teach/teach.css';
import { RosterTable } from '@/components/teach/roster-table';
import { RemovedStudents } from '@/components/teach/removed-students';
import { letBackInAction, removeStudentAction } from '@/app/(teach)/teach/actions';
import { removedStudentsForInstructor, rosterForInstructor } from '@/db/queries/classes';
import { BackToClass, ownClassOr404 } from '../../_lib/own-class';
import { plural } from '@/lib/text/plural';

export const metadata: Metadata = { title: 'Roster' };

/** Everyone in one of this instructor's classes, with when they joined and a confirmed "remove". */
export default async function RosterPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, cls } = await ownClassOr404((await params).id);
  const roster = rosterForInstructor(user.id, cls.id);
  const removed = removedStudentsForInstructor(user.id, cls.id);
  return (
    <div className="stack">
      <div>
        <BackToClass cls={cls} />
        <h1>Roster</h1>
        <p className="muted" style={{ margin: 0 }}>
          {plural(roster.length, 'student')}. Removing a student takes the class’s assignments off their Today page and stops
          the code and link working for them until you let them back in; their own study history stays with them.
        </p>
      </div>
      <section className="card teach-section" aria-label="Students in this class">
        <RosterTable classId={cls.id} roster={roster} timeZone={cls.timeZone} removeStudent={removeStudentAction} />
      </section>
      <section className="card teach-section" aria-labelledby="removed-heading">
        <h2 id="removed-heading">Removed students</h2>
        <RemovedStudents classId={cls.id} removed={removed} timeZone={cls.timeZone} letBackIn={letBackInAction} />
      </section>
    </div>
  );
}
