'use client';
/** How many grades are still on the device, so nothing is lost without the student knowing. */
import type { OutboxStatus } from '@/lib/review/outbox';

export function SyncStatus({ status }: { status: OutboxStatus }) {
  const { pending, sending, lastError, rejected } = status;
  let text = 'All saved';
  let tone = 'sync-ok';
  if (pending > 0) {
    text = lastError ? `${pending} waiting to sync · retrying` : sending ? `Saving ${pending}…` : `${pending} waiting to sync`;
    tone = lastError ? 'sync-warn' : 'sync-busy';
  }
  return (
    <p className={`sync ${tone}`} role="status" data-testid="sync-status" data-pending={pending} title={lastError ?? undefined}>
      {text}
      {rejected.length > 0 && <span className="sync-rejected"> · {rejected.length} not saved: {rejected[0]?.reason}</span>}
    </p>
  );
}
