'use client';
/** The author's answer to one open report: a short reply, then "Mark fixed" or "Dismiss". */
import { useId, useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/actions/result';
import { REPORT_REPLY_MAX, type ReportDecision } from '@/lib/reports/reasons';

export type HandleReportAction = (prev: unknown, input: Record<string, unknown>) => Promise<ActionResult<unknown>>;

export function ReportAnswerForm({ action, reportId }: { action: HandleReportAction; reportId: number }) {
  const [reply, setReply] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const id = useId();
  const decide = (decision: ReportDecision) =>
    startTransition(async () => {
      const out = await action(null, { reportId, decision, reply }).catch(() => null);
      if (!out) setError('Could not save. Check your connection and try again.');
      else if (!out.ok) setError(out.fieldErrors?.reply?.[0] ?? out.error);
      else setError(null);
    });
  return (
    <div className="report-answer" data-testid="report-answer">
      <label htmlFor={`${id}-reply`} className="small">
        Reply to the student <span className="muted">(optional)</span>
      </label>
      <textarea id={`${id}-reply`} value={reply} onChange={(e) => setReply(e.target.value)} maxLength={REPORT_REPLY_MAX} rows={2} data-testid="report-reply" />
      {error && (
        <p className="field-error" role="alert" data-testid="report-answer-error">
          {error}
        </p>
      )}
      <div className="row">
        <button type="button" className="btn btn-small btn-primary" disabled={pending} onClick={() => decide('fixed')} data-testid="report-fixed">
          Mark fixed
        </button>
        <button type="button" className="btn btn-small" disabled={pending} onClick={() => decide('dismissed')} data-testid="report-dismissed">
          Dismiss
        </button>
      </div>
    </div>
  );
}
