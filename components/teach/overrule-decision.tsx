'use client';
/** Accept (for this student, or for everyone who typed the same) or decline one overrule request. */
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/actions/result';
import { plural } from '@/lib/text/plural';

export type DecideOverrule = (prev: unknown, input: Record<string, unknown>) => Promise<ActionResult<unknown>>;

export function OverruleDecision({ action, overruleId, sameTextOthers }: { action: DecideOverrule; overruleId: number; sameTextOthers: number }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const decide = (decision: 'accept' | 'accept-all' | 'decline') =>
    startTransition(async () => {
      const result = await action(null, { overruleId, decision });
      setError(result.ok ? null : result.error);
    });
  return (
    <div className="row" style={{ gap: '0.5rem' }}>
      <button type="button" className="btn btn-small btn-primary" disabled={pending} onClick={() => decide('accept')}>
        Accept
      </button>
      {sameTextOthers > 0 && (
        <button type="button" className="btn btn-small" disabled={pending} onClick={() => decide('accept-all')}>
          Accept for all {plural(sameTextOthers + 1, 'student')} who typed it
        </button>
      )}
      <button type="button" className="btn btn-small" disabled={pending} onClick={() => decide('decline')}>
        Decline
      </button>
      {error && (
        <span className="small field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
