/**
 * A student's quiz attempts on one assignment, newest first: the assignment's quiz (counts toward
 * its goal) or practice (never counts), the score, and every answer as given, right or wrong, with
 * any overrule request. Each attempt folds open, so a long history stays a short list.
 */
import type { AttemptAnswer, OverruleStatus, StudentAttempt } from '@/db/queries/student-attempts';
import { formatDueDate } from '@/lib/time/zoned';
import { plural } from '@/lib/text/plural';

const OVERRULE: Record<OverruleStatus, string> = {
  pending: '“I was right” asked, waiting for you',
  accepted: '“I was right” accepted',
  declined: '“I was right” declined',
};

function score(a: StudentAttempt): string {
  if (a.finishedAt === null) return `not finished, ${a.answers.filter((x) => x.answered).length} of ${a.questionCount} answered`;
  const pct = a.questionCount > 0 ? Math.round((a.correctCount / a.questionCount) * 100) : 0;
  return `${a.correctCount} / ${a.questionCount} (${pct} %)`;
}

function Answer({ x }: { x: AttemptAnswer }) {
  const verdict = !x.answered ? 'Not answered' : x.correct ? 'Right' : 'Wrong';
  return (
    <li className="attempt-answer" data-testid="attempt-answer" data-correct={x.answered ? String(x.correct) : 'unanswered'}>
      <p className="attempt-prompt">
        {x.position + 1}. {x.prompt}
      </p>
      <p className="small">
        <span className={`badge ${!x.answered ? '' : x.correct ? 'badge-good' : 'badge-bad'}`}>{verdict}</span>{' '}
        {x.answered && (
          <>
            Answered: <strong data-testid="answer-response">{x.response ?? '(unreadable answer)'}</strong>
          </>
        )}
        {x.acceptedAs && <span className="muted"> (accepted as “{x.acceptedAs}”)</span>}
      </p>
      {(!x.answered || !x.correct) && <p className="small muted">Right answer: {x.correctAnswer}</p>}
      {x.overrule && <p className="small" data-testid="answer-overrule">{OVERRULE[x.overrule]}</p>}
    </li>
  );
}

export function AttemptList({ attempts, timeZone }: { attempts: StudentAttempt[]; timeZone: string }) {
  if (attempts.length === 0) return <p className="muted">No quizzes taken on this deck yet.</p>;
  return (
    <ul className="attempt-list" data-testid="attempt-list">
      {attempts.map((a) => (
        <li key={a.id} data-testid={`attempt-${a.id}`} data-kind={a.kind}>
          <details>
            <summary>
              <span className={`badge ${a.kind === 'assignment' ? 'badge-accent' : ''}`}>{a.kind === 'assignment' ? 'Assignment quiz' : 'Practice, not counted'}</span>{' '}
              <strong>{score(a)}</strong>{' '}
              <span className="small muted">
                {formatDueDate(a.finishedAt ?? a.startedAt, timeZone)} · {plural(a.questionCount, 'question')}
              </span>
            </summary>
            <ol className="attempt-answers">
              {a.answers.map((x) => (
                <Answer key={x.position} x={x} />
              ))}
            </ol>
          </details>
        </li>
      ))}
    </ul>
  );
}
