/**
 * Per typed item of an assignment: the distinct answers students typed that the checker marked
 * wrong, how often, and how often a student said "I was right"; on the instructor's own decks,
 * one click adds one to the accepted answers.
 */
import type { ActionResult } from '@/lib/actions/result';
import type { TypedItemReport } from '@/db/queries/typed-answers';
import { plural } from '@/lib/text/plural';
import { AcceptAnswerButton } from './accept-answer-button';

interface Props {
  rows: TypedItemReport[];
  acceptAnswer: (prev: unknown, input: Record<string, unknown>) => Promise<ActionResult<unknown>>;
}

export function TypedAnswersTable({ rows, acceptAnswer }: Props) {
  if (rows.length === 0) return <p className="muted small">No typed answer of this class has been marked wrong yet.</p>;
  return (
    <ul className="typed-report" data-testid="typed-answers">
      {rows.map((r) => (
        <li key={r.cardId} data-testid={`typed-item-${r.itemId}`}>
          <p className="prompt" style={{ margin: 0 }}>
            {r.prompt}
          </p>
          <p className="small muted" style={{ margin: 0 }}>
            Accepted: {r.accepted.join(' · ')}
            {!r.canAccept && ' · a shared deck: add answers in its files'}
          </p>
          <table className="data-table">
            <caption className="visually-hidden">Answers marked wrong</caption>
            <thead>
              <tr>
                <th scope="col">Answer marked wrong</th>
                <th scope="col" className="num">Typed</th>
                <th scope="col" className="num">“I was right”</th>
                {r.canAccept && <th scope="col">Action</th>}
              </tr>
            </thead>
            <tbody>
              {r.wrong.map((w) => (
                <tr key={w.answer} data-testid="wrong-answer">
                  <td data-label="Answer">“{w.answer}”</td>
                  <td className="num" data-label="Typed">
                    {plural(w.count, 'time')}
                  </td>
                  <td className="num" data-label="I was right" data-testid="overrule-count">
                    {w.overruled}
                  </td>
                  {r.canAccept && (
                    <td data-label="Action">
                      <AcceptAnswerButton action={acceptAnswer} deckId={r.deckId} itemId={r.itemId} answer={w.answer} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </li>
      ))}
    </ul>
  );
}
