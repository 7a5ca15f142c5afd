import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PastAttempts } from '@/components/quiz/past-attempts';
import { QuizSetupForm } from '@/components/quiz/quiz-setup-form';
import { startQuizAction } from '@/app/(study)/quiz/actions';
import '@/components/quiz/quiz.css';
import { QUIZ_COUNT, quizSetupFor, recentAttempts } from '@/db/queries/quizzes';
import { requireUser } from '@/app/_lib/session';
import { studySettingsFor } from '@/db/queries/settings';

export const metadata: Metadata = { title: 'Quiz' };

export default async function QuizSetupPage({ params }: { params: Promise<{ deckId: string }> }) {
  const user = await requireUser();
  const { deckId } = await params;
  const setup = await quizSetupFor(user.id, deckId);
  if (!setup) notFound();
  const settings = studySettingsFor(user.id);
  const attempts = await recentAttempts(user.id, deckId);
  return (
    <>
      <div className="page-head">
        <div>
          <p className="muted small quiz-kicker">Comprehension quiz</p>
          <h1>{setup.deck.title}</h1>
        </div>
      </div>
      <div className="quiz-setup">
        <section className="card" aria-labelledby="setup-heading">
          <h2 id="setup-heading">New practice quiz</h2>
          <p className="muted small" data-testid="practice-note">
            Practice as often as you like: practice quizzes never count toward an assignment. An assignment&rsquo;s own quiz starts from Today.
          </p>
          {setup.sections.length === 0 ? (
            <p className="muted">This deck has no quiz questions yet.</p>
          ) : (
            <QuizSetupForm
              deckId={setup.deck.id}
              sections={setup.sections}
              defaultFeedback={settings.quizFeedback}
              defaultCount={QUIZ_COUNT.default}
              maxCount={QUIZ_COUNT.max}
              startQuiz={startQuizAction}
            />
          )}
        </section>
        <section className="card" aria-labelledby="past-heading">
          <h2 id="past-heading">Past quizzes</h2>
          <PastAttempts attempts={attempts} timeZone={settings.timeZone} />
        </section>
      </div>
    </>
  );
}
