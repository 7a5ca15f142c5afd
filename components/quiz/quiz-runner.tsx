'use client';
/**
 * Taking a quiz, one question at a time. Starts at the first unanswered question (so a refresh
 * resumes), sends each answer to the server, and either shows the verdict with its explanation
 * and evidence (immediate feedback) or moves straight on (feedback at the end). Verdicts are
 * announced to screen readers; focus moves to the verdict, then to the next question.
 */
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import type { AttemptQuestion } from '@/db/queries/quiz-views';
import type { AnswerFeedback } from '@/db/queries/quiz-data';
import type { QuizResponse } from '@/lib/quiz/present';
import type { ActionCall } from '@/lib/actions/result';
import { ReportProblemButton, type ReportCardAction } from '@/components/reports/report-problem';
import '@/components/reports/reports.css';
import { AnswerDetails } from './answer-details';
import { ChoiceInput, OrderingInput, TrueFalseInput, TypedInput } from './answer-inputs';

interface Props {
  attemptId: number;
  deckId: string;
  feedbackMode: 'immediate' | 'end';
  questions: AttemptQuestion[];
  actions: QuizRunnerActions;
  reportCard: ReportCardAction;
}

/** The server actions the runner calls, handed down by the page. */
export interface QuizRunnerActions {
  answerQuestion: ActionCall<{ attemptId: number; cardId: number; response: QuizResponse }, { finished: boolean; feedback: AnswerFeedback | null }>;
  finishQuiz: ActionCall<{ attemptId: number }>;
}

const TYPE_HINT = { mcq: 'Choose one answer', truefalse: 'True or false?', typed: 'Type your answer', ordering: 'Put the steps in order' } as const;

export function QuizRunner({ attemptId, deckId, feedbackMode, questions, actions, reportCard }: Props) {
  const router = useRouter();
  const total = questions.length;
  const [index, setIndex] = useState(() => questions.findIndex((q) => !q.answered));
  const [feedback, setFeedback] = useState<AnswerFeedback | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [pending, startTransition] = useTransition();
  const questionHeading = useRef<HTMLHeadingElement>(null);
  const verdictHeading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  const resultHref = `/quiz/attempt/${attemptId}/result`;

  // Focus follows the quiz: the verdict once shown, the next question once moved on (not on first load).
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    (feedback ? verdictHeading : questionHeading).current?.focus();
  }, [feedback, index]);

  const current = index >= 0 ? questions[index] : undefined;
  const isLast = index === total - 1;

  function answer(response: QuizResponse) {
    if (!current) return;
    setError(null);
    startTransition(async () => {
      try {
        const out = await actions.answerQuestion(null, { attemptId, cardId: current.cardId, response });
        if (!out.ok) {
          // Field errors here mean the answer itself was malformed; the generic form message would not help.
          setError(out.fieldErrors ? 'That answer could not be accepted. Check it and try again.' : out.error);
          return;
        }
        if (out.data.feedback) {
          const f = out.data.feedback;
          setFeedback(f);
          setAnnouncement(f.correct ? 'Correct.' : `Not quite. The right answer is: ${f.correctAnswer}.`);
        } else if (out.data.finished || isLast) {
          setAnnouncement('Answer saved. Opening your results.');
          router.push(resultHref);
        } else {
          setAnnouncement(`Answer saved. Question ${index + 2} of ${total}.`);
          setIndex(index + 1);
        }
      } catch {
        setError('Your answer could not be sent. Check your connection and try again.');
      }
    });
  }

  function next() {
    setFeedback(null);
    setAnnouncement('');
    setIndex(index + 1);
  }

  function finish() {
    startTransition(async () => {
      const out = await actions.finishQuiz(null, { attemptId }).catch(() => null);
      if (out && !out.ok) setError(out.error);
      else router.push(resultHref);
    });
  }

  if (!current) {
    return (
      <div className="card quiz-card">
        <h2>All questions answered</h2>
        <button type="button" className="btn btn-primary btn-block" onClick={finish} disabled={pending}>
          See your results
        </button>
      </div>
    );
  }

  const promptId = `prompt-${current.cardId}`;
  const q = current.question;
  const inputProps = { promptId, pending, submitLabel: feedbackMode === 'immediate' ? 'Check answer' : isLast ? 'Save and finish' : 'Save and continue', onAnswer: answer };
  return (
    <div className="quiz-run">
      <div className="quiz-progress">
        <p className="quiz-progress-text" data-testid="quiz-progress">
          Question {index + 1} of {total}
        </p>
        <div className="quiz-bar" aria-hidden="true">
          <span style={{ width: `${((index + (feedback ? 1 : 0)) / total) * 100}%` }} />
        </div>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="quiz-announcement">
        {announcement}
      </p>
      <section className="card quiz-card" data-testid="quiz-question" data-card-id={current.cardId} data-question-type={q.type} aria-labelledby={promptId}>
        <p className="quiz-kicker small muted">{TYPE_HINT[q.type]}</p>
        <h2 id={promptId} ref={questionHeading} tabIndex={-1} className="quiz-prompt">
          {q.type === 'truefalse' && <span className="visually-hidden">True or false: </span>}
          {q.prompt}
        </h2>
        {error && (
          <div className="alert" role="alert" data-testid="quiz-error">
            {error}
          </div>
        )}
        {feedback ? (
          <div className={`quiz-verdict ${feedback.correct ? 'quiz-verdict-right' : 'quiz-verdict-wrong'}`} data-testid="quiz-feedback">
            <h3 ref={verdictHeading} tabIndex={-1} className="quiz-verdict-title" data-testid="quiz-verdict">
              <span aria-hidden="true">{feedback.correct ? '✓ ' : '✗ '}</span>
              {feedback.correct ? 'Correct' : 'Not quite'}
            </h3>
            <AnswerDetails feedback={feedback} deckId={deckId} />
            <ReportProblemButton key={current.cardId} action={reportCard} cardId={current.cardId} source="quiz" />
            {isLast ? (
              <Link href={resultHref} className="btn btn-primary btn-block">
                See your results
              </Link>
            ) : (
              <button type="button" className="btn btn-primary btn-block" onClick={next}>
                Next question
              </button>
            )}
          </div>
        ) : q.type === 'mcq' ? (
          <ChoiceInput key={current.cardId} question={q} {...inputProps} />
        ) : q.type === 'truefalse' ? (
          <TrueFalseInput key={current.cardId} question={q} {...inputProps} />
        ) : q.type === 'typed' ? (
          <TypedInput key={current.cardId} question={q} {...inputProps} />
        ) : (
          <OrderingInput key={current.cardId} question={q} {...inputProps} />
        )}
      </section>
      <p className="small muted quiz-leave">
        <Link href={`/quiz/${encodeURIComponent(deckId)}`}>Leave the quiz</Link> — your answers are saved; you can resume it later.
      </p>
    </div>
  );
}
