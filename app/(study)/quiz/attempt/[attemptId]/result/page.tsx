import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { AnswerDetails } from '@/components/quiz/answer-details';
import '@/components/quiz/quiz.css';
import { quizResult } from '@/db/queries/quizzes';
import { requireUser } from '@/app/_lib/session';
import { parseAttemptId } from '../parse-id';
import { OverruleButton, OverruleStatusNote } from '@/components/quiz/overrule-button';
import { attemptCountsForAssignment, overrulesForAttempt } from '@/db/queries/quiz-overrules';
import { requestOverruleAction } from '../../../overrule-actions';
import { reportCardAction } from '@/app/(study)/reports/actions';
import { ReportProblemButton } from '@/components/reports/report-problem';
import '@/components/reports/reports.css';

export const metadata: Metadata = { title: 'Quiz results' };

function verdictLine(percent: number) {
  if (percent === 100) return 'Every question right. Well done.';
  if (percent >= 80) return 'Strong result. Look over the few you missed below.';
  if (percent >= 50) return 'A good base. The questions you missed are below, with the passages they come from.';
  return 'Worth another read: the notes for each missed question are linked below.';
}

export default async function QuizResultPage({ params }: { params: Promise<{ attemptId: string }> }) {
  const user = await requireUser();
  const attemptId = parseAttemptId((await params).attemptId);
  const result = attemptId === null ? null : await quizResult(user.id, attemptId);
  if (!result) notFound();
  if (!result.finished) redirect(`/quiz/attempt/${result.id}`);
  const missed = result.questions.filter((q) => !q.feedback.correct);
  const right = result.questions.filter((q) => q.feedback.correct);
  const { score } = result;
  const overrules = await overrulesForAttempt(user.id, result.id);
  const counts = await attemptCountsForAssignment(user.id, result.id);
  return (
    <>
      <div className="page-head">
        <div>
          <p className="muted small quiz-kicker">Quiz results</p>
          <h1 className="quiz-deck-title">{result.deckTitle}</h1>
        </div>
      </div>
      <section className="card quiz-score" aria-labelledby="score-heading" data-testid="quiz-score">
        <h2 id="score-heading" className="visually-hidden">
          Your score
        </h2>
        <p className="quiz-score-figures">
          <strong data-testid="score-fraction">
            {score.correct}/{score.total}
          </strong>
          <span data-testid="score-percent">{score.percent}%</span>
        </p>
        <p className="muted">{verdictLine(score.percent)}</p>
        <div className="row">
          <Link href={`/quiz/${encodeURIComponent(result.deckId)}`} className="btn btn-primary">
            Take another quiz
          </Link>
          <Link href="/today" className="btn">
            Back to Today
          </Link>
        </div>
      </section>

      <section aria-labelledby="missed-heading" className="quiz-review-list" data-testid="missed-questions">
        <h2 id="missed-heading">{missed.length > 0 ? `Questions to look at again (${missed.length})` : 'No missed questions'}</h2>
        {missed.map((q) => (
          <article key={q.position} className="card quiz-review" aria-labelledby={`q-${q.position}`}>
            <p className="small muted quiz-kicker">
              Question {q.position + 1} · <span className="badge badge-bad">{q.answered ? 'Missed' : 'Not answered'}</span>
            </p>
            <h3 id={`q-${q.position}`}>{q.prompt}</h3>
            <AnswerDetails feedback={q.feedback} deckId={result.deckId} answered={q.answered} />
            {q.type === 'typed' && q.answered && (overrules.has(q.feedback.cardId) ? (
              <OverruleStatusNote status={overrules.get(q.feedback.cardId) ?? 'pending'} />
            ) : (
              <OverruleButton action={requestOverruleAction} attemptId={result.id} cardId={q.feedback.cardId} request={counts} />
            ))}
            <ReportProblemButton action={reportCardAction} cardId={q.feedback.cardId} source="quiz" />
          </article>
        ))}
      </section>

      {right.length > 0 && (
        <section aria-labelledby="right-heading" className="quiz-review-list" data-testid="right-questions">
          <h2 id="right-heading">Questions you got right ({right.length})</h2>
          {right.map((q) => (
            <details key={q.position} className="card quiz-review">
              <summary>
                <span className="quiz-mark" aria-hidden="true">
                  ✓
                </span>{' '}
                <span className="visually-hidden">Question {q.position + 1}, right: </span>
                {q.prompt}
              </summary>
              <AnswerDetails feedback={q.feedback} deckId={result.deckId} />
              {overrules.get(q.feedback.cardId) === 'accepted' && <OverruleStatusNote status="accepted" />}
              <ReportProblemButton action={reportCardAction} cardId={q.feedback.cardId} source="quiz" />
            </details>
          ))}
        </section>
      )}
    </>
  );
}
