/**
 * Students' "I was right" requests on typed answers in the assignment's quiz, waiting for the
 * instructor: what they typed, what the item accepts, and how many others typed the same.
 */
import type { OverruleRequest } from '@/db/queries/quiz-overrules';
import { plural } from '@/lib/text/plural';
import { formatShortDate } from '@/lib/time/zoned';
import { OverruleDecision, type DecideOverrule } from './overrule-decision';

export function OverruleRequests({ rows, decide, timeZone }: { rows: OverruleRequest[]; decide: DecideOverrule; timeZone: string }) {
  return (
    <div className="card teach-section" id="overrules" data-testid="overrule-requests">
      <h3 style={{ margin: 0 }}>Requests to accept an answer{rows.length > 0 ? ` (${rows.length})` : ''}</h3>
      {rows.length === 0 ? (
        <p className="small muted" style={{ margin: 0 }}>
          No requests waiting. When a student says a typed answer in this assignment&rsquo;s quiz was right, it waits here for you.
        </p>
      ) : (
        <ul className="typed-report">
          {rows.map((r) => (
            <li key={r.id} data-testid="overrule-request">
              <span className="small muted">
                {r.studentName} · {formatShortDate(r.requestedAt, timeZone)}
              </span>
              <strong className="prompt">{r.prompt}</strong>
              <span>
                Typed: <q data-testid="overrule-typed">{r.typed}</q>
              </span>
              <span className="small">Accepted answers: {r.accepted.join(' · ')}</span>
              <span className="small muted" data-testid="overrule-same">
                {r.sameTextOthers === 0 ? 'No other student typed this.' : `${plural(r.sameTextOthers, 'other student')} typed the same.`}
              </span>
              <OverruleDecision action={decide} overruleId={r.id} sameTextOthers={r.sameTextOthers} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
