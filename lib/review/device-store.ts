/**
 * What the review screen keeps on the device, in IndexedDB (idb-keyval): the grades waiting to
 * sync and the session in progress. Keys include the user id so a shared device keeps people apart.
 * IndexedDB can be missing or failing (storage full, blocked, some private windows); some browsers
 * throw from indexedDB.open itself, so every call here turns a throw into a rejected promise.
 * The outbox reports its storage errors; the session copy is a convenience and fails quietly.
 */
import { get, set } from 'idb-keyval';
import type { OutboxStorage, PendingGrade } from './outbox';
import type { Session } from './session';

export function outboxStorage(userId: number): OutboxStorage {
  const key = `recall:outbox:${userId}`;
  return {
    load: async () => (await get<PendingGrade[]>(key)) ?? [],
    save: async (pending) => set(key, pending),
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

export async function saveSession(userId: number, deckId: string, stored: StoredSession): Promise<void> {
  try {
    await set(sessionKey(userId, deckId), stored);
  } catch {
    // Without storage the session restarts from the server's queue on reload; the outbox says why.
  }
}
