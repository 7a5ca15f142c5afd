import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { QuizRunner } from '@/components/quiz/quiz-runner';
import { answerQuestionAction, finishQuizAction } from '@/app/(study)/quiz/actions';
import '@/components/quiz/quiz.css';
import { quizAttemptView } from '@/db/queries/quizzes';
import { requireUser } from '@/app/_lib/session';
import { parseAttemptId } from './parse-id';
import { reportCardAction } from '@/app/(study)/reports/actions';

export const metadata: Metadata = { title: 'Quiz' };

export default async function QuizAttemptPage({ params }: { params: Promise<{ attemptId: string }> }) {
  const user = await requireUser();
  const attemptId = parseAttemptId((await params).attemptId);
  const view = attemptId === null ? null : await quizAttemptView(user.id, attemptId);
  if (!view) notFound();
  if (view.finished) redirect(`/quiz/attempt/${view.id}/result`);
  return (
    <>
      <div className="page-head quiz-head">
        <div>
          <p className="muted small quiz-kicker">
            Quiz · {view.feedback === 'immediate' ? 'answers after each question' : 'answers at the end'}
          </p>
          <h1 className="quiz-deck-title">{view.deckTitle}</h1>
        </div>
      </div>
      <QuizRunner attemptId={view.id} deckId={view.deckId} feedbackMode={view.feedback} questions={view.questions} actions={{ answerQuestion: answerQuestionAction, finishQuiz: finishQuizAction }} reportCard={reportCardAction} />
    </>
  );
}
