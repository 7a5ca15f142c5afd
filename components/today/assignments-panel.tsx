/**
 * Today's "Assignments" panel: each assignment from the student's classes with its due date in
 * the student's own time zone, how many items they have studied, their goals and a status.
 */
import Link from 'next/link';
import './assignments-panel.css';
import { StatusBadge } from '@/components/teach/status-badge';
import type { SessionUser } from '@/lib/auth/session-user';
import type { StudentAssignment } from '@/db/queries/student-assignments';
import { assignmentLabel, percent } from '@/lib/teach/format';
import { formatDueDate } from '@/lib/time/zoned';
import { plural } from '@/lib/text/plural';
import type { ActionResult } from '@/lib/actions/result';
import { quizSpecText } from '@/lib/teach/assignment-quiz';
import { showsOnToday } from '@/lib/teach/late-assignments';
import { AssignmentQuizButton } from './assignment-quiz-button';

function Goals({ a }: { a: StudentAssignment }) {
  const parts: string[] = [];
  if (a.goalQuizScore !== null) parts.push(`Quiz goal ${a.goalQuizScore} % (best ${percent(a.bestQuiz)}; ${quizSpecText(a.quiz, a.quiz.available)})`);
  if (a.goalRecall !== null) parts.push(`Memory goal ${percent(a.goalRecall)} on the due date (predicted ${percent(a.recallAtDue)})`);
  return parts.length === 0 ? null : <span className="small muted">{parts.join(' · ')}</span>;
}

/** The assignment's quiz: start it, continue the open attempt, or say that no attempt is left. */
function QuizAction({ a, startQuiz }: { a: StudentAssignment; startQuiz: StartQuizAction }) {
  if (a.goalQuizScore === null) return null;
  if (a.quiz.openAttemptId !== null) {
    return (
      <Link className="btn btn-small btn-primary" href={`/quiz/attempt/${a.quiz.openAttemptId}`} data-testid="assignment-quiz">
        Continue the quiz
      </Link>
    );
  }
  if (a.quiz.left === 0) return <span className="small muted" data-testid="assignment-quiz">No attempts left</span>;
  const label = a.quiz.used === 0 ? 'Take the quiz' : 'Take the quiz again';
  return <AssignmentQuizButton action={startQuiz} assignmentId={a.id} label={a.quiz.left === null ? label : `${label} (${plural(a.quiz.left, 'attempt')} left)`} />;
}

type StartQuizAction = (prev: ActionResult<unknown> | null, data: FormData) => Promise<ActionResult<unknown>>;

interface Props {
  user: SessionUser;
  /** Every assignment of the student's classes (db/queries/student-assignments.ts), as of `now`. */
  all: StudentAssignment[];
  /** The student's time zone, for due dates. */
  timeZone: string;
  now: number;
  startQuiz: StartQuizAction;
}

export function AssignmentsPanel({ user, all, timeZone, now, startQuiz }: Props) {
  // More than a week late and not done: listed under its class (/classes), no longer here.
  const assignments = all.filter((a) => showsOnToday(a, now));
  const hidden = all.length - assignments.length;
  if (assignments.length === 0 && hidden > 0) {
    return (
      <p className="small muted join-hint" data-testid="late-hidden">
        {plural(hidden, 'assignment')} more than a week late: see <Link href="/classes">your classes</Link>.
      </p>
    );
  }
  if (assignments.length === 0) {
    return user.role === 'student' ? (
      <p className="small muted join-hint">
        Have a class code? <Link href="/join">Join a class</Link>
      </p>
    ) : null;
  }
  return (
    <section className="card assignments-panel" aria-labelledby="assignments-heading" data-testid="assignments-panel" style={{ marginBottom: '1rem' }}>
      <h2 id="assignments-heading">Assignments</h2>
      <ul>
        {assignments.map((a) => {
          const share = a.assigned === 0 ? 1 : a.studied / a.assigned;
          return (
            <li key={a.id} data-testid={`student-assignment-${a.id}`}>
              <div className="assignment-top">
                <strong>{assignmentLabel(a)}</strong>
                <StatusBadge status={a.status} />
              </div>
              <span className="small muted" data-testid="assignment-due">
                {a.className} · due {formatDueDate(a.dueAt, timeZone)}
                {a.extended && ' (extended for you)'}
              </span>
              <div className="assignment-progress" role="img" aria-label={`${a.studied} of ${plural(a.assigned, 'card')} studied`}>
                <span style={{ width: `${Math.round(share * 100)}%` }} />
              </div>
              <div className="assignment-foot">
                <span className="small" data-testid="assignment-progress">
                  {a.studied} of {plural(a.assigned, 'card')} studied
                </span>
                <span className="assignment-actions">
                  <Link className="btn btn-small" href={`/review/${a.deckId}`}>
                    Study
                  </Link>
                  <QuizAction a={a} startQuiz={startQuiz} />
                </span>
              </div>
              <Goals a={a} />
            </li>
          );
        })}
      </ul>
      {hidden > 0 && (
        <p className="small muted" data-testid="late-hidden">
          {plural(hidden, 'assignment')} more than a week late: see <Link href="/classes">your classes</Link>.
        </p>
      )}
    </section>
  );
}
