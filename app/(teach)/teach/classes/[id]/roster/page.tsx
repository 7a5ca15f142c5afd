import type { Metadata } from 'next';
import '@/components/teach/teach.css';
import { RosterTable } from '@/components/teach/roster-table';
import { RemovedStudents } from '@/components/teach/removed-students';
import { letBackInAction, removeStudentAction } from '@/app/(teach)/teach/actions';
import { RosterInvite } from '@/components/teach/roster-invite';
import { PendingInvitations } from '@/components/teach/pending-invitations';
import { pendingInvitationsForInstructor } from '@/db/queries/invitations';
import { previewRosterAction, resendInvitationAction, revokeInvitationAction, sendInvitationsAction } from '../../../invitation-actions';
import { now } from '@/lib/clock';
import { removedStudentsForInstructor, rosterForInstructor } from '@/db/queries/classes';
import { BackToClass, ownClassOr404 } from '../../_lib/own-class';
import { plural } from '@/lib/text/plural';

export const metadata: Metadata = { title: 'Roster' };

/** Everyone in one of this instructor's classes, with when they joined and a confirmed "remove". */
export default async function RosterPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, cls } = await ownClassOr404((await params).id);
  const roster = await rosterForInstructor(user.id, cls.id);
  const removed = await removedStudentsForInstructor(user.id, cls.id);
  const invitations = await pendingInvitationsForInstructor(user.id, cls.id);
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
      {cls.archivedAt === null && (
        <section className="card teach-section" aria-labelledby="invite-heading">
          <h2 id="invite-heading">Invite by email</h2>
          <p className="muted small" style={{ marginTop: 0 }}>
            Each person gets a mail with a link that works once, for 14 days, and only for their address. Those without an account
            create one from the link; everyone joins the class when they accept.
          </p>
          <RosterInvite classId={cls.id} previewAction={previewRosterAction} sendAction={sendInvitationsAction} />
        </section>
      )}
      <section className="card teach-section" aria-labelledby="invitations-heading">
        <h2 id="invitations-heading">Open invitations</h2>
        <PendingInvitations
          classId={cls.id}
          invitations={invitations}
          timeZone={cls.timeZone}
          now={now().getTime()}
          resendAction={resendInvitationAction}
          revokeAction={revokeInvitationAction}
        />
      </section>
      <section className="card teach-section" aria-labelledby="removed-heading">
        <h2 id="removed-heading">Removed students</h2>
        <RemovedStudents classId={cls.id} removed={removed} timeZone={cls.timeZone} letBackIn={letBackInAction} />
      </section>
    </div>
  );
}
