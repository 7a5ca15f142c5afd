'use client';
/**
 * On Today: the answers to the student's reports on cards ("Your report on '…' was fixed: …"),
 * each until they press "Got it".
 */
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/actions/result';
import { handledReportText, type HandledReport } from '@/lib/reports/reasons';

type DismissAction = (prev: unknown, input: Record<string, unknown>) => Promise<ActionResult<unknown>>;

export function ReportNotices({ reports, dismiss }: { reports: HandledReport[]; dismiss: DismissAction }) {
  const [gone, setGone] = useState<number[]>([]);
  const [pending, startTransition] = useTransition();
  const shown = reports.filter((r) => !gone.includes(r.id));
  if (shown.length === 0) return null;
  return (
    <ul className="report-notices" aria-label="Answers to your reports">
      {shown.map((r) => (
        <li key={r.id} className={`${r.status === 'fixed' ? 'alert alert-ok' : 'card'} report-notice`} data-testid="report-notice">
          <span>{handledReportText(r)}</span>
          <button
            type="button"
            className="btn btn-small"
            disabled={pending}
            onClick={() =>
              startTransition(async () => {
                const out = await dismiss(null, { reportId: r.id }).catch(() => null);
                if (out?.ok) setGone((g) => [...g, r.id]);
              })
            }
            data-testid="report-notice-dismiss"
          >
            Got it
          </button>
        </li>
      ))}
    </ul>
  );
}
