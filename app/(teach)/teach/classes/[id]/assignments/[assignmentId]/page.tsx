import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import '@/components/teach/teach.css';
import { deleteAssignmentAction, updateAssignmentAction } from '@/app/(teach)/teach/assignment-actions';
import { AssignmentForm } from '@/components/teach/assignment-form';
import { ConfirmAction } from '@/components/teach/confirm-action';
import { assignableDecks, assignmentForInstructor } from '@/db/queries/assignments';
import { parseId } from '@/lib/teach/ids';
import { utcToLocalDateTime } from '@/lib/time/zoned';
import { quizFieldValues } from '@/lib/teach/assignment-quiz';
import { BackToClass, ownClassOr404 } from '../../../_lib/own-class';
import { grantExtensionAction, removeExtensionAction } from '@/app/(teach)/teach/class-staff-actions';
import { ExtensionsPanel } from '@/components/teach/extensions-panel';
import { rosterForInstructor } from '@/db/queries/classes';
import { extensionsForAssignment } from '@/db/queries/extensions';
import { formatDueDate } from '@/lib/time/zoned';

export const metadata: Metadata = { title: 'Edit assignment' };

export default async function EditAssignmentPage({ params }: { params: Promise<{ id: string; assignmentId: string }> }) {
  const p = await params;
  const { user, cls } = await ownClassOr404(p.id);
  const assignmentId = parseId(p.assignmentId);
  const assignment = assignmentId !== null ? await assignmentForInstructor(user.id, assignmentId) : undefined;
  if (!assignment || assignment.classId !== cls.id) notFound();
  const due = utcToLocalDateTime(assignment.dueAt, cls.timeZone);
  return (
    <div className="stack" style={{ maxWidth: 640 }}>
      <div>
        <BackToClass cls={cls} />
        <h1>Edit assignment</h1>
      </div>
      <section className="card">
        <AssignmentForm
          action={updateAssignmentAction}
          hidden={{ assignmentId: assignment.id }}
          decks={await assignableDecks(user.id, cls.id)}
          timeZone={cls.timeZone}
          submitLabel="Save changes"
          initial={{
            deckId: assignment.deckId,
            scope: assignment.sectionKeys === null ? 'all' : 'sections',
            sectionKeys: assignment.sectionKeys ?? [],
            dueDate: due.date,
            dueTime: due.time,
            goalQuizScore: assignment.goalQuizScore === null ? '' : String(assignment.goalQuizScore),
            goalRecallPercent: assignment.goalRecall === null ? '' : String(Math.round(assignment.goalRecall * 100)),
            ...quizFieldValues(assignment.quiz),
          }}
        />
      </section>
      <section className="card teach-section" aria-labelledby="extensions-heading" id="extensions">
        <h2 id="extensions-heading">Extensions</h2>
        <p className="muted small" style={{ margin: 0 }}>
          Give chosen students a later due date. Their status, memory goal and gradebook row use it.
        </p>
        <ExtensionsPanel
          assignmentId={assignment.id}
          students={await rosterForInstructor(user.id, cls.id)}
          extensions={(await extensionsForAssignment(user.id, assignment.id)).map((x) => ({ ...x, dueLabel: formatDueDate(x.dueAt, cls.timeZone) }))}
          timeZone={cls.timeZone}
          initialDate={utcToLocalDateTime(assignment.dueAt + 7 * 86_400_000, cls.timeZone).date}
          initialTime={due.time}
          grant={grantExtensionAction}
          remove={removeExtensionAction}
        />
      </section>
      <section className="card teach-section" aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete</h2>
        <p className="muted small" style={{ margin: 0 }}>
          Students keep what they studied; the assignment and its analytics go away.
        </p>
        <div>
          <ConfirmAction
            action={deleteAssignmentAction}
            fields={{ assignmentId: assignment.id }}
            label="Delete assignment"
            question="Delete this assignment for the whole class?"
            confirmLabel="Yes, delete"
            danger
            testId="delete-assignment"
          />
        </div>
      </section>
    </div>
  );
}
