'use client';
/** One outbox per signed-in user on this device, sending grades to /api/reviews in the background. */
import { useEffect, useRef, useState } from 'react';
import { outboxStorage } from '@/lib/review/device-store';
import { Outbox, type OutboxStatus, type PendingGrade, type SendResult } from '@/lib/review/outbox';

async function sendGrades(batch: PendingGrade[]): Promise<SendResult> {
  const response = await fetch('/api/reviews', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ reviews: batch }),
  });
  if (response.status === 401) throw new Error('Signed out: sign in again to save your reviews');
  if (!response.ok) throw new Error(`Server answered ${response.status}`);
  return ((await response.json()) as { results: SendResult }).results;
}

const EMPTY: OutboxStatus = { pending: 0, sending: false, lastError: null, rejected: [] };

export function useOutbox(userId: number) {
  const outbox = useRef<Outbox | null>(null);
  const [status, setStatus] = useState<OutboxStatus>(EMPTY);
  useEffect(() => {
    const box = new Outbox(outboxStorage(userId), sendGrades);
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
