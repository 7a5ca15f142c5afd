'use client';
/**
 * "Report a problem" on a card: a reason (wrong, unclear, typo, other) and an optional note, sent
 * to the deck's author. Inline, not a dialog, so it works alike with a keyboard and a thumb. The
 * review screen controls whether it is open (its R shortcut opens it, and its keys pause while it
 * is); elsewhere ReportProblemButton keeps that state itself. Esc closes it.
 */
import { useEffect, useId, useRef, useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/actions/result';
import { REPORT_NOTE_MAX, REPORT_REASON_LABELS, REPORT_REASONS, reportSentText, type ReportReader, type ReportReason, type ReportSource } from '@/lib/reports/reasons';

export type ReportCardAction = (prev: unknown, input: Record<string, unknown>) => Promise<ActionResult<{ updated: boolean; readBy: ReportReader }>>;

interface Props {
  action: ReportCardAction;
  cardId: number;
  source: ReportSource;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Shown on the toggle, e.g. the review screen's key. */
  keyHint?: React.ReactNode;
  /** Where focus goes once the form closes (default: the toggle button). */
  returnFocus?: () => void;
}

export function ReportProblem({ action, cardId, source, open, onOpenChange, keyHint, returnFocus }: Props) {
  const [reason, setReason] = useState<ReportReason | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const first = useRef<HTMLInputElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(open);
  const focusBack = useRef(false);
  const id = useId();
  const close = () => {
    focusBack.current = true;
    onOpenChange(false);
  };

  // Focus moves into the form when it opens, and back out (button or card) when it closes from inside.
  useEffect(() => {
    if (open && !wasOpen.current) first.current?.focus();
    if (!open && focusBack.current) {
      focusBack.current = false;
      if (returnFocus) returnFocus();
      else toggle.current?.focus();
    }
    wasOpen.current = open;
  }, [open, returnFocus]);

  const send = () => {
    if (!reason) {
      setError('Choose what is wrong.');
      first.current?.focus();
      return;
    }
    startTransition(async () => {
      const out = await action(null, { cardId, reason, note, source }).catch(() => null);
      if (!out) {
        setError('The report could not be sent. Check your connection and try again.');
        return;
      }
      if (!out.ok) {
        setError(out.fieldErrors?.note?.[0] ?? out.error);
        return;
      }
      setError(null);
      setSent(reportSentText(out.data.updated, out.data.readBy));
      close();
    });
  };

  if (!open) {
    return (
      <span className="report-problem">
        <button ref={toggle} type="button" className="link-btn small" onClick={() => onOpenChange(true)} aria-keyshortcuts={keyHint ? 'R' : undefined} data-testid="report-problem">
          {sent ? 'Change your report' : 'Report a problem'} {keyHint}
        </button>
        {sent && (
          <span className="small muted" role="status" data-testid="report-sent">
            {sent}
          </span>
        )}
      </span>
    );
  }
  return (
    <form
      className="report-form"
      data-report-form
      data-testid="report-form"
      aria-labelledby={`${id}-legend`}
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          close();
        }
      }}
    >
      <fieldset>
        <legend id={`${id}-legend`}>What is wrong with this card?</legend>
        {REPORT_REASONS.map((r, i) => (
          <label key={r} className="report-reason">
            <input ref={i === 0 ? first : undefined} type="radio" name={`${id}-reason`} value={r} checked={reason === r} onChange={() => setReason(r)} />
            {REPORT_REASON_LABELS[r]}
          </label>
        ))}
      </fieldset>
      <label className="report-note-label" htmlFor={`${id}-note`}>
        Anything to add? <span className="muted">(optional)</span>
      </label>
      <textarea id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} maxLength={REPORT_NOTE_MAX} rows={2} data-testid="report-note" />
      {error && (
        <p className="field-error" role="alert" data-testid="report-error">
          {error}
        </p>
      )}
      <div className="row">
        <button type="submit" className="btn btn-small btn-primary" disabled={pending} data-testid="report-send">
          {pending ? 'Sending…' : 'Send report'}
        </button>
        <button type="button" className="btn btn-small" onClick={close} disabled={pending}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The same, keeping its own open state (quiz feedback, quiz results). */
export function ReportProblemButton(props: Omit<Props, 'open' | 'onOpenChange'>) {
  const [open, setOpen] = useState(false);
  return <ReportProblem {...props} open={open} onOpenChange={setOpen} />;
}
