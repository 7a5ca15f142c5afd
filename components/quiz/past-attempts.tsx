/** The student's past quizzes on a deck: score and a link to the results, or a way back into an unfinished one. */
import Link from 'next/link';
import type { AttemptSummary } from '@/db/queries/quiz-views';

export function PastAttempts({ attempts, timeZone }: { attempts: AttemptSummary[]; timeZone: string }) {
  const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone });
  if (attempts.length === 0) return <p className="muted">No quizzes yet. Your scores will appear here.</p>;
  return (
    <ul className="quiz-attempts" data-testid="past-attempts">
      {attempts.map((a) => {
        const percent = a.questionCount > 0 ? Math.round((a.correctCount / a.questionCount) * 100) : 0;
        return (
          <li key={a.id}>
            <span className="quiz-attempt-when">{when.format(new Date(a.startedAt))}</span>
            {a.finishedAt === null ? (
              <>
                <span className="badge badge-warn">
                  {a.answeredCount} of {a.questionCount} answered
                </span>
                <Link href={`/quiz/attempt/${a.id}`} className="quiz-attempt-link">
                  Resume
                </Link>
              </>
            ) : (
              <>
                <span className={`badge ${percent >= 80 ? 'badge-good' : percent >= 50 ? 'badge-accent' : 'badge-bad'}`}>
                  {a.correctCount}/{a.questionCount} · {percent}%
                </span>
                <Link href={`/quiz/attempt/${a.id}/result`} className="quiz-attempt-link">
                  Results<span className="visually-hidden"> of the quiz of {when.format(new Date(a.startedAt))}</span>
                </Link>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
