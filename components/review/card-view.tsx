'use client';
/** One card on screen: the prompt, the answer inputs for objective types, and the revealed answer. */
import type { CardPayload } from '@/lib/content/cards';
import { acceptedNote } from '@/lib/quiz/typed/accepted-note';
import type { CheckResult, ObjectiveAnswer } from '@/lib/review/check-answer';
import { optionOrder, scrambledOrder } from '@/lib/review/session';
import type { ReviewCard } from '@/lib/review/types';
import { AnswerCompare } from './answer-compare';
import { ChoiceInput, OrderingInput, TrueFalseInput, TypedInput } from './objective-inputs';

type Cloze = Extract<CardPayload, { type: 'cloze' }>;

function ClozeText({ payload, revealed }: { payload: Cloze; revealed: boolean }) {
  return (
    <p className="prompt">
      {payload.parts.map((part, i) =>
        !part.target ? (
          <span key={i}>{part.text}</span>
        ) : revealed ? (
          <mark key={i} className="cloze-answer">
            {part.text}
          </mark>
        ) : (
          <span key={i} className="cloze-blank">
            [{part.hint ?? '…'}]
          </span>
        ),
      )}
    </p>
  );
}

export function promptLabel(type: CardPayload['type']): string {
  return { basic: 'Recall', cloze: 'Fill the gap', mcq: 'Choose one', truefalse: 'True or false?', typed: 'Type the answer', ordering: 'Put in order' }[type];
}

interface Props {
  card: ReviewCard;
  revealed: boolean;
  answer: ObjectiveAnswer | null;
  result: CheckResult | null;
  /** The student said "I was right" about a typed answer the checker marked wrong. */
  overruled?: boolean;
  onAnswer: (a: ObjectiveAnswer) => void;
}

export function CardView({ card, revealed, answer, result, overruled = false, onAnswer }: Props) {
  const p = card.payload;
  // Shuffle per card and per review, so position can't be memorised instead of the content.
  const seed = card.id * 31 + (card.state?.reps ?? 0);
  return (
    <div className="card-body">
      <p className="card-kind">
        {promptLabel(p.type)} · {card.sectionTitle}
      </p>
      {p.type === 'basic' && (
        <>
          <p className="prompt">{p.front}</p>
          {revealed && (
            <p className="answer" data-testid="answer">
              {p.back}
            </p>
          )}
        </>
      )}
      {p.type === 'cloze' && <ClozeText payload={p} revealed={revealed} />}
      {p.type === 'mcq' && (
        <>
          <p className="prompt">{p.question}</p>
          <ChoiceInput payload={p} order={optionOrder(p.options.length, seed)} chosen={answer?.kind === 'choice' ? answer.index : null} disabled={result !== null} onAnswer={onAnswer} />
        </>
      )}
      {p.type === 'truefalse' && (
        <>
          <p className="prompt">{p.statement}</p>
          <TrueFalseInput chosen={answer?.kind === 'truefalse' ? answer.value : null} expected={p.answer} disabled={result !== null} onAnswer={onAnswer} />
        </>
      )}
      {p.type === 'typed' && (
        <>
          <p className="prompt">{p.question}</p>
          <TypedInput key={card.id} disabled={result !== null} onAnswer={onAnswer} />
        </>
      )}
      {p.type === 'ordering' && (
        <>
          <p className="prompt">{p.prompt}</p>
          <OrderingInput key={card.id} payload={p} initial={scrambledOrder(p.steps.length, seed)} disabled={result !== null} onAnswer={onAnswer} />
        </>
      )}
      {result && (
        <p className={`verdict ${result.correct || overruled ? 'verdict-right' : 'verdict-wrong'}`} data-testid="verdict">
          {result.correct
            ? result.acceptedAs
              ? `Correct. ${acceptedNote(result.rule, result.acceptedAs)}`
              : 'Correct'
            : overruled
              ? 'You marked your answer right. Grade how well you knew it.'
              : `Not quite. Answer: ${result.expected}`}
        </p>
      )}
      {result && !result.correct && p.type === 'typed' && answer?.kind === 'typed' && <AnswerCompare given={answer.text} accepted={p.answers} />}
    </div>
  );
}
