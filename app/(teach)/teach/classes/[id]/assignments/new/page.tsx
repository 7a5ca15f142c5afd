import type { Metadata } from 'next';
import '@/components/teach/teach.css';
import { createAssignmentAction } from '@/app/(teach)/teach/assignment-actions';
import { AssignmentForm } from '@/components/teach/assignment-form';
import { assignableDecks } from '@/db/queries/assignments';
import { now } from '@/lib/clock';
import { utcToLocalDateTime } from '@/lib/time/zoned';
import { DEFAULT_ASSIGNMENT_QUIZ, quizFieldValues } from '@/lib/teach/assignment-quiz';
import { BackToClass, ownClassOr404 } from '../../../_lib/own-class';

export const metadata: Metadata = { title: 'New assignment' };

export default async function NewAssignmentPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, cls } = await ownClassOr404((await params).id);
  const decks = await assignableDecks(user.id, cls.id);
  // A week from now, at the end of that day in the class's zone.
  const { date } = utcToLocalDateTime(now().getTime() + 7 * 86_400_000, cls.timeZone);
  return (
    <div className="stack" style={{ maxWidth: 640 }}>
      <div>
        <BackToClass cls={cls} />
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
            initial={{ deckId: decks[0]?.id ?? '', scope: 'all', sectionKeys: [], dueDate: date, dueTime: '23:59', goalQuizScore: '', goalRecallPercent: '', ...quizFieldValues(DEFAULT_ASSIGNMENT_QUIZ) }}
          />
        )}
      </section>
    </div>
  );
}
