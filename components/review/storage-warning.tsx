'use client';
/**
 * Said plainly when the device cannot keep grades (IndexedDB failing: storage full or blocked,
 * some private windows): they are then held by this page only, so leaving it loses the unsent
 * ones. While that is so, the browser also asks before the page is left.
 */
import { useEffect } from 'react';
import type { OutboxStatus } from '@/lib/review/outbox';

export function StorageWarning({ status }: { status: OutboxStatus }) {
  const { storageError, pending } = status;
  const atRisk = storageError !== null && pending > 0;
  useEffect(() => {
    if (!atRisk) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [atRisk]);
  if (storageError === null) return null;
  const unsent = pending === 1 ? '1 grade not yet sent' : `${pending} grades not yet sent`;
  return (
    <div className="alert storage-warning" role="alert" data-testid="storage-warning" title={storageError}>
      <strong>Grades are not being kept on this device.</strong> This browser will not let the app store them (its storage is full or
      blocked, as in some private windows). They are sent while you are online; {pending > 0 ? `leaving this page now loses the ${unsent}.` : 'leaving the page while some are unsent loses them.'}
    </div>
  );
}
