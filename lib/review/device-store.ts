/**
 * What the review screen keeps on the device, in IndexedDB (idb-keyval): the grades waiting to
 * sync and the session in progress. Keys include the user id so a shared device keeps people apart.
 */
import { get, set } from 'idb-keyval';
import type { OutboxStorage, PendingGrade } from './outbox';
import type { Session } from './session';

export function outboxStorage(userId: number): OutboxStorage {
  const key = `recall:outbox:${userId}`;
  return {
    load: async () => (await get<PendingGrade[]>(key)) ?? [],
    save: (pending) => set(key, pending),
  };
}

/** A session in progress, tied to the server render it started from (`generatedAt`). */
export interface StoredSession {
  generatedAt: number;
  session: Session;
}

export function sessionKey(userId: number, deckId: string) {
  return `recall:session:${userId}:${deckId}`;
}

export async function loadSession(userId: number, deckId: string): Promise<StoredSession | undefined> {
  try {
    return await get<StoredSession>(sessionKey(userId, deckId));
  } catch {
    return undefined;
  }
}

export function saveSession(userId: number, deckId: string, stored: StoredSession): Promise<void> {
  return set(sessionKey(userId, deckId), stored).catch(() => undefined);
}
