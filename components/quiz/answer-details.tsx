/**
 * What a student learns from one answered question: their answer next to the right one (every
 * option with its explanation for multiple choice), the explanation, the passage of the reading
 * it rests on, and a link to the study notes of that section. Used right after answering and on
 * the results page; no hooks, so it renders on the server or the client.
 */
import Link from 'next/link';
import type { AnswerFeedback } from '@/db/queries/quiz-data';
import { acceptedNote } from '@/lib/quiz/typed/accepted-note';

function StepList({ steps, label }: { steps: string[]; label: string }) {
  return (
    <div>
      <p className="quiz-label">{label}</p>
      <ol className="quiz-step-review">
        {steps.map((s, i) => (
          <li key={i}>{s}</li>
        ))}
      </ol>
    </div>
  );
}

function Options({ options }: { options: NonNullable<AnswerFeedback['options']> }) {
  return (
    <ul className="quiz-option-review">
      {options.map((o, i) => (
        <li key={i} data-correct={o.correct || undefined} data-chosen={o.chosen || undefined}>
          <p className="quiz-option-review-text">
            <span className="quiz-mark" aria-hidden="true">
              {o.correct ? '✓' : o.chosen ? '✗' : '·'}
            </span>
            <span>
              {o.text}
              {o.correct && <span className="badge badge-good">Right answer</span>}
              {o.chosen && !o.correct && <span className="badge badge-bad">Your answer</span>}
              {o.chosen && o.correct && <span className="badge badge-accent">Your answer</span>}
            </span>
          </p>
          {o.explanation && <p className="small muted quiz-option-why">{o.explanation}</p>}
        </li>
      ))}
    </ul>
  );
}

export function AnswerDetails({ feedback, deckId, answered = true }: { feedback: AnswerFeedback; deckId: string; answered?: boolean }) {
  const f = feedback;
  return (
    <div className="quiz-details">
      {f.options ? (
        <Options options={f.options} />
      ) : f.correctSteps ? (
        <div className="quiz-compare">
          {f.responseSteps && !f.correct && <StepList steps={f.responseSteps} label="Your order" />}
          <StepList steps={f.correctSteps} label={f.correct ? 'The order' : 'The right order'} />
        </div>
      ) : (
        <dl className="quiz-compare">
          <div>
            <dt>Your answer</dt>
            <dd data-testid="your-answer">{answered ? f.responseText || '(empty)' : 'Not answered'}</dd>
          </div>
          {!f.correct && (
            <div>
              <dt>Right answer</dt>
              <dd data-testid="right-answer">{f.correctAnswer}</dd>
            </div>
          )}
        </dl>
      )}
      {!answered && f.options && <p className="small muted">You did not answer this question.</p>}
      {f.acceptedAs && (
        <p className="small muted" data-testid="accepted-as">
          {acceptedNote(f.acceptedRule, f.acceptedAs)}
        </p>
      )}
      {f.explanation && <p className="quiz-explanation">{f.explanation}</p>}
      {f.evidenceQuote && (
        <figure className="quiz-evidence">
          <blockquote data-testid="evidence-quote">“{f.evidenceQuote}”</blockquote>
          <figcaption className="small muted">{f.evidenceRef || f.sectionTitle}</figcaption>
        </figure>
      )}
      {/* An item may cite its paragraph without quoting it: the reference still says where to look. */}
      {!f.evidenceQuote && f.evidenceRef && (
        <p className="small muted" data-testid="evidence-ref">
          In the reading: {f.evidenceRef}
        </p>
      )}
      <p className="quiz-notes-link">
        <Link href={`/decks/${encodeURIComponent(deckId)}/notes#${encodeURIComponent(f.sectionKey)}`} prefetch={false} title={f.sectionTitle}>
          Read the notes for this section
        </Link>
      </p>
    </div>
  );
}
