import type { Metadata } from 'next';
import Link from 'next/link';
import { ClassList } from '@/components/classes/class-list';
import { leaveClassAction } from './actions';
import { requireUser } from '@/app/_lib/session';
import { studySettingsFor } from '@/db/queries/settings';
import { assignmentsForStudent } from '@/db/queries/student-assignments';
import { classesOfStudent } from '@/db/queries/student-classes';
import { now } from '@/lib/clock';
import { showsOnToday } from '@/lib/teach/late-assignments';
import '@/components/classes/classes.css';

export const metadata: Metadata = { title: 'Classes' };

export default async function ClassesPage() {
  const user = await requireUser();
  const at = now().getTime();
  const classes = await classesOfStudent(user.id);
  const assignments = (await assignmentsForStudent(user.id, new Date(at))).map((a) => ({ ...a, hiddenFromToday: !showsOnToday(a, at) }));
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Your classes</h1>
          <p className="muted small" style={{ margin: 0 }}>
            The classes you joined and everything assigned in them.
          </p>
        </div>
        <Link className="btn" href="/join">
          Join a class
        </Link>
      </div>
      <ClassList classes={classes} assignments={assignments} timeZone={(await studySettingsFor(user.id)).timeZone} leave={leaveClassAction} />
    </>
  );
}
