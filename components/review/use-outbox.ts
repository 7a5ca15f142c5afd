'use client';
/** One outbox per signed-in user on this device, sending grades to /api/reviews in the background. */
import { useEffect, useRef, useState } from 'react';
import { outboxStorage } from '@/lib/review/device-store';
import { NotSentError, Outbox, sendResultSchema, type OutboxStatus, type PendingGrade, type SendResult, type UndoAnswer } from '@/lib/review/outbox';

const offline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

async function sendGrades(batch: PendingGrade[]): Promise<SendResult> {
  // Offline the browser sends nothing, so these grades certainly did not arrive (undo can take them back).
  if (offline()) throw new NotSentError('Offline');
  const response = await fetch('/api/reviews', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ reviews: batch }),
  });
  if (response.status === 401) throw new Error('Signed out: sign in again to save your reviews');
  if (!response.ok) throw new Error(`Server answered ${response.status}`);
  const body: unknown = await response.json();
  const parsed = sendResultSchema.safeParse(typeof body === 'object' && body !== null && 'results' in body ? body.results : null);
  if (!parsed.success) throw new Error('The server’s answer was not understood');
  return parsed.data;
}

async function sendUndo(clientId: string): Promise<UndoAnswer> {
  if (offline()) return 'unreachable';
  const response = await fetch('/api/reviews/undo', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ clientId }) }).catch(() => null);
  if (!response) return 'unreachable';
  if (response.ok) return 'undone';
  if (response.status === 404) return 'not_found';
  return response.status === 409 ? 'refused' : 'unreachable';
}

const EMPTY: OutboxStatus = { pending: 0, sending: false, lastError: null, rejected: [], storageError: null };

export function useOutbox(userId: number) {
  const outbox = useRef<Outbox | null>(null);
  const [status, setStatus] = useState<OutboxStatus>(EMPTY);
  useEffect(() => {
    const box = new Outbox(outboxStorage(userId), sendGrades, { sendUndo });
    outbox.current = box;
    const unsubscribe = box.subscribe(setStatus);
    void box.flush();
    const online = () => void box.flush();
    window.addEventListener('online', online);
    return () => {
      unsubscribe();
      window.removeEventListener('online', online);
    };
  }, [userId]);
  return { outbox, status };
}
