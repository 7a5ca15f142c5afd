'use client';
/**
 * The memory model section of /settings: which FSRS parameters schedule this student's cards,
 * how well they predict them, a "Fit now" button, and what each desired retention would cost.
 * Server actions arrive as props (components import no values from app/).
 */
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/actions/result';
import { FormAlert } from '@/components/ui/form-alert';
import { SubmitButton } from '@/components/ui/submit-button';
import { FitProgress } from './fit-progress';
import type { FitReason } from '@/lib/scheduler/fit';

type Action<T> = (prev: unknown, data: FormData) => Promise<ActionResult<T>>;

export interface MemoryModelView {
  source: 'default' | 'deck' | 'class' | 'personal';
  poolName: string | null;
  lastFit: { fittedOn: string; adopted: boolean; reason: FitReason; items: number; before: Metrics | null; after: Metrics | null } | null;
  health: 'good' | 'poor' | null;
  refit: 'doubled' | 'month' | null;
  retention: { reviews: number; passed: number; desired: number };
}
interface Metrics {
  logLoss: number;
  rmse: number;
}
interface FitResult {
  adopted: boolean;
  reason: FitReason;
  items: number;
}
interface WorkloadRow {
  desiredRetention: number;
  perDay30: number;
  perDay365: number;
}

const SOURCE_LABEL: Record<MemoryModelView['source'], string> = {
  default: 'FSRS defaults',
  deck: 'Pooled from the students of a deck',
  class: 'Pooled from your class',
  personal: 'Fitted to your reviews',
};

const pct = (x: number) => `${Math.round(x * 100)}%`;
const dec = (x: number) => x.toFixed(3);

function reasonText(reason: FitReason, items: number): string {
  if (reason === 'better') return `The new parameters predicted your latest reviews better, so they are now in use (${items.toLocaleString('en')} reviews counted).`;
  if (reason === 'not_better') return `The parameters fitted to your reviews did not predict your latest reviews better than those in use, so nothing changed. Fitting again after more reviews may help.`;
  return `Not enough history yet: ${items.toLocaleString('en')} of your reviews can be used (a review of a card on a later day than the one before), and a fit needs at least 64. Until then your cards keep the parameters in use.`;
}

export function MemoryModel({
  view,
  fitNow,
  usePooled,
  estimate,
}: {
  view: MemoryModelView;
  fitNow: Action<FitResult>;
  usePooled: Action<undefined>;
  estimate: Action<WorkloadRow[]>;
}) {
  const [fitState, fitAction] = useActionState<ActionResult<FitResult> | null, FormData>(fitNow, null);
  const [, poolAction] = useActionState<ActionResult | null, FormData>(usePooled, null);
  const [work, workAction] = useActionState<ActionResult<WorkloadRow[]> | null, FormData>(estimate, null);
  const { lastFit, retention } = view;
  const observed = retention.reviews > 0 ? retention.passed / retention.reviews : null;
  return (
    <div className="stack" data-testid="memory-model">
      <dl className="model-facts">
        <div>
          <dt>Parameters in use</dt>
          <dd data-testid="parameters-source">
            {SOURCE_LABEL[view.source]}
            {view.poolName ? ` (${view.poolName})` : ''}
          </dd>
        </div>
        <div>
          <dt>True retention, last 30 days</dt>
          <dd data-testid="true-retention">
            {observed === null ? 'No reviews of learned cards yet' : `${pct(observed)} of ${retention.reviews.toLocaleString('en')} reviews`} · desired{' '}
            {pct(retention.desired)}
          </dd>
        </div>
        {lastFit?.before && lastFit.after ? (
          <div>
            <dt>How well they predict your latest reviews</dt>
            <dd data-testid="fit-metrics">
              Log loss {dec(lastFit.before.logLoss)} → {dec(lastFit.after.logLoss)} · RMSE {dec(lastFit.before.rmse)} → {dec(lastFit.after.rmse)}
              <span className="muted model-aside"> (in use → fitted; lower is better)</span>
            </dd>
          </div>
        ) : null}
      </dl>
      {lastFit ? (
        <p className="muted" data-testid="last-fit" style={{ margin: 0 }}>
          Last fit {lastFit.fittedOn}:{' '}
          {reasonText(lastFit.reason, lastFit.items)}
        </p>
      ) : (
        <p className="muted" style={{ margin: 0 }}>
          FSRS can fit its parameters to how you remember. Your reviews are checked first: new parameters are used only if they predict your latest reviews better than those in use.
        </p>
      )}
      {view.health === 'poor' ? (
        <p className="model-note" role="note" data-testid="fit-health">
          FSRS predicts your memory less well than usual (RMSE above 10%). This often means grades are used inconsistently: press Again whenever you forgot, and Hard only when you remembered with effort.
        </p>
      ) : null}
      {view.refit ? (
        <p className="model-note" role="note" data-testid="refit-reminder">
          {view.refit === 'doubled' ? 'Your history has doubled since the last fit.' : 'It is a month since the last fit.'} Fitting again may predict you better.
        </p>
      ) : null}
      <FormAlert error={fitState && !fitState.ok ? fitState.error : undefined} message={fitState?.ok ? reasonText(fitState.data.reason, fitState.data.items) : undefined} />
      <div className="model-actions">
        <form action={fitAction} className="model-fit">
          <SubmitButton className="btn btn-primary" pendingLabel="Fitting… (a few seconds)">
            Fit now
          </SubmitButton>
          <FitProgress />
        </form>
        {view.source === 'personal' ? (
          <form action={poolAction}>
            <SubmitButton className="btn" pendingLabel="Switching…">
              Use the pooled or default parameters
            </SubmitButton>
          </form>
        ) : null}
      </div>
      <form action={workAction} className="stack">
        <input type="hidden" name="current" value={retention.desired} />
        <div>
          <SubmitButton className="btn" pendingLabel="Simulating a year of reviews…">
            What does each desired retention cost?
          </SubmitButton>
        </div>
        {work && !work.ok ? <FormAlert error={work.error} /> : null}
        {work?.ok ? (
          <table className="workload" data-testid="workload">
            <caption className="muted">Expected reviews per day with your parameters and cards (simulated)</caption>
            <thead>
              <tr>
                <th scope="col">Desired retention</th>
                <th scope="col">Next 30 days</th>
                <th scope="col">Next year</th>
              </tr>
            </thead>
            <tbody>
              {work.data.map((row) => (
                <tr key={row.desiredRetention} aria-current={Math.abs(row.desiredRetention - retention.desired) < 1e-9 ? 'true' : undefined}>
                  <th scope="row">
                    {pct(row.desiredRetention)}
                    {Math.abs(row.desiredRetention - retention.desired) < 1e-9 ? ' (yours)' : ''}
                  </th>
                  <td>{row.perDay30.toFixed(0)}</td>
                  <td>{row.perDay365.toFixed(0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </form>
    </div>
  );
}
