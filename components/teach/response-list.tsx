/**
 * Response analysis of an assignment, item by item (issue 16 item 3): each item folds open to
 * every option (or distinct typed answer) with how many chose it in quizzes, in review and in all.
 * The right option is named in words, not only coloured. Tables become cards on a phone (teach.css).
 */
import { percent } from '@/lib/teach/format';
import type { ItemResponses, OptionResponses, SplitCount, TypedResponses } from '@/lib/teach/response-analysis';
import { plural } from '@/lib/text/plural';

const TYPE_LABEL: Record<ItemResponses['type'], string> = { mcq: 'Multiple choice', truefalse: 'True or false', typed: 'Typed answer' };

function discriminationText(item: ItemResponses): string {
  return item.discrimination === null ? '–' : item.discrimination.toFixed(2);
}

/** "2 (40 %)": a count and its share of the column's answers. */
function Count({ n, of }: { n: number; of: number }) {
  // One element: on a phone the cell is a flex row (label, value), which would split a bare text and span apart.
  return (
    <span className="nowrap">
      {n}
      {of > 0 && <span className="muted small"> ({percent(n / of)})</span>}
    </span>
  );
}

function Counts({ row, totals }: { row: SplitCount; totals: SplitCount }) {
  return (
    <>
      <td className="num" data-label="Quizzes">
        <Count n={row.quiz} of={totals.quiz} />
      </td>
      <td className="num" data-label="Review">
        <Count n={row.review} of={totals.review} />
      </td>
      <td className="num" data-label="All">
        <strong>
          <Count n={row.total} of={totals.total} />
        </strong>
      </td>
    </>
  );
}

function sum(rows: readonly SplitCount[]): SplitCount {
  return rows.reduce((t, r) => ({ quiz: t.quiz + r.quiz, review: t.review + r.review, total: t.total + r.total }), { quiz: 0, review: 0, total: 0 });
}

function OptionTable({ options }: { options: OptionResponses[] }) {
  const totals = sum(options);
  return (
    <table className="data-table response-table" data-testid="option-table">
      <caption className="visually-hidden">How often each option was chosen</caption>
      <thead>
        <tr>
          <th scope="col">Option</th>
          <th scope="col" className="num">Quizzes</th>
          <th scope="col" className="num">Review</th>
          <th scope="col" className="num">All</th>
        </tr>
      </thead>
      <tbody>
        {options.map((o) => (
          <tr key={o.index} className={o.correct ? 'response-right' : undefined} data-testid="option-row">
            <td className="cell-main" data-label="Option">
              <span className="prompt">
                {String.fromCharCode(65 + o.index)}. {o.text}
              </span>
              {o.correct && <span className="badge badge-good">✓ Right answer</span>}
            </td>
            <Counts row={o} totals={totals} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function TypedTable({ answers }: { answers: TypedResponses[] }) {
  if (answers.length === 0) return <p className="muted small">No typed answers yet.</p>;
  const totals = sum(answers);
  return (
    <table className="data-table response-table" data-testid="typed-table">
      <caption className="visually-hidden">The distinct answers typed, and how often</caption>
      <thead>
        <tr>
          <th scope="col">Answer</th>
          <th scope="col" className="num">Quizzes</th>
          <th scope="col" className="num">Review</th>
          <th scope="col" className="num">All</th>
        </tr>
      </thead>
      <tbody>
        {answers.map((a) => (
          <tr key={`${a.correct ? 1 : 0}:${a.answer}`} className={a.correct ? 'response-right' : undefined} data-testid="typed-row">
            <td className="cell-main" data-label="Answer">
              <span className="prompt">“{a.answer}”</span>
              {a.correct ? <span className="badge badge-good">✓ Accepted</span> : <span className="badge">Not accepted</span>}
            </td>
            <Counts row={a} totals={totals} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Review answers in the typed list without a verdict of their own (kept before every typed answer was): not in item.answers.review. */
function olderReviewAnswers(item: ItemResponses): number {
  return item.typed ? sum(item.typed).review - item.answers.review : 0;
}

function ResponseItem({ item }: { item: ItemResponses }) {
  const answers = item.answers.quiz + item.answers.review;
  return (
    <details className="card response-item" id={`item-${item.cardId}`} data-testid={`responses-${item.itemId}`}>
      <summary>
        <span className="prompt">{item.prompt}</span>
        <span className="small muted response-meta">
          {item.sectionTitle} · {TYPE_LABEL[item.type]} · {plural(answers, 'answer')}
        </span>
        <span className="small response-meta">
          Facility {percent(item.facility.total)} · Discrimination {discriminationText(item)}
        </span>
      </summary>
      <dl className="response-figures small">
        <div>
          <dt>Facility</dt>
          <dd data-testid="facility">
            quizzes {percent(item.facility.quiz)} ({plural(item.answers.quiz, 'answer')}) · review {percent(item.facility.review)} ({plural(item.answers.review, 'answer')}) ·
            together {percent(item.facility.total)}
          </dd>
        </div>
        <div>
          <dt>Discrimination (quizzes)</dt>
          <dd data-testid="discrimination">
            {discriminationText(item)}
            {item.discriminationStudents > 0 && <> over {plural(item.discriminationStudents, 'student')}</>}
          </dd>
        </div>
      </dl>
      {item.options && <OptionTable options={item.options} />}
      {item.typed && <TypedTable answers={item.typed} />}
      {item.typed && olderReviewAnswers(item) > 0 && (
        <p className="muted small" data-testid="older-typed-note">
          {plural(olderReviewAnswers(item), 'older review answer')} {olderReviewAnswers(item) === 1 ? 'was' : 'were'} kept only because the checker marked{' '}
          {olderReviewAnswers(item) === 1 ? 'it' : 'them'} wrong (before every typed answer was kept): listed here, left out of the facility.
        </p>
      )}
    </details>
  );
}

export function ResponseList({ items }: { items: ItemResponses[] }) {
  if (items.length === 0) return <p className="muted card">This assignment has no multiple-choice, true-or-false or typed items.</p>;
  return (
    <ol className="response-list" data-testid="response-list">
      {items.map((item) => (
        <li key={item.cardId}>
          <ResponseItem item={item} />
        </li>
      ))}
    </ol>
  );
}
