/**
 * Grades waiting to reach the server. A grade is stored on the device first (so a reload, a lost
 * connection or a crash can't lose it), then sent in batches in the background and removed only
 * when the server has settled it: recorded, already there, undone, or rejected for good (set
 * aside and reported, not retried forever). Sending is retried with back-off.
 *
 * Undo: a grade that has never left the device is simply taken back. Once a send was attempted
 * and its answer lost, the server may hold it, so undo goes through the server; after the server
 * confirms, the grade is forgotten here and its id is never sent again.
 */
import { z } from 'zod';
// From limits, not the zod rules in validation/reviews.ts: this file ships to the review page.
import { CHOICE_OPTIONS_MAX, TYPED_ANSWER_MAX } from '../validation/limits';
import { trueFalseIndex } from '../quiz/choice-options';
import type { ObjectiveAnswer } from './check-answer';

export interface PendingGrade {
  clientId: string;
  cardId: number;
  grade: 1 | 2 | 3 | 4;
  reviewedAt: number;
  durationMs: number;
  /** The answer typed for a typed card, right or wrong, kept for the instructor with this grade (lib/validation/reviews.ts). */
  typed?: { answer: string; overruled: boolean };
  /** The option chosen for a multiple-choice or true/false card, right or wrong (lib/quiz/choice-options.ts). */
  choice?: { index: number };
}

/**
 * The typed part of a grade as the server takes it (trimmed, at most TYPED_ANSWER_MAX characters),
 * or undefined for an empty answer: a part the server would refuse would cost the grade with it.
 */
export function typedPart(text: string, overruled: boolean): PendingGrade['typed'] {
  const answer = text.trim().slice(0, TYPED_ANSWER_MAX).trim();
  return answer ? { answer, overruled } : undefined;
}

/**
 * The choice part of a grade: the option a multiple-choice answer chose (original order) or a
 * true/false answer's (True 0, False 1); undefined for other answers, or an index the server's
 * rule would refuse (it would cost the grade with it).
 * @example choicePart({ kind: 'truefalse', value: false }) // { index: 1 }
 */
export function choicePart(answer: ObjectiveAnswer | null): PendingGrade['choice'] {
  const index = answer?.kind === 'choice' ? answer.index : answer?.kind === 'truefalse' ? trueFalseIndex(answer.value) : null;
  return index !== null && Number.isInteger(index) && index >= 0 && index < CHOICE_OPTIONS_MAX ? { index } : undefined;
}

/** The per-entry answer of POST /api/reviews (db/queries/review-batch.ts), decoded on arrival. */
export const sendResultSchema = z.array(
  z.object({
    clientId: z.string().nullable(),
    status: z.enum(['recorded', 'duplicate', 'undone', 'rejected']),
    reason: z.string().optional(),
  }),
);
export type SendResult = z.infer<typeof sendResultSchema>;

/** Thrown by a `send` that knows its request never left the device (offline): nothing can have arrived. */
export class NotSentError extends Error {
  constructor(message = 'Offline') {
    super(message);
    this.name = 'NotSentError';
  }
}

/** What the server said to an undo: done, it never had that grade, or refused (a later review stands). */
export type UndoAnswer = 'undone' | 'not_found' | 'refused' | 'unreachable';

export interface OutboxStorage {
  load(): Promise<PendingGrade[]>;
  save(pending: PendingGrade[]): Promise<void>;
}

export interface OutboxStatus {
  pending: number;
  sending: boolean;
  lastError: string | null;
  rejected: { clientId: string; reason: string }[];
  /** Set while the device's storage fails: grades then live only in this page's memory. */
  storageError: string | null;
}

const describe = (error: unknown) => (error instanceof Error && error.message ? error.message : 'storage unavailable');

export interface OutboxOptions {
  sendUndo?: (clientId: string) => Promise<UndoAnswer>;
  batchSize?: number;
}

const BACKOFF_MS = [1000, 2000, 5000, 10_000, 30_000];

export class Outbox {
  private pending: PendingGrade[];
  private inFlight = new Set<string>();
  /** Sent at least once without a clear answer: the server may have it. */
  private maybeDelivered = new Set<string>();
  /** Undone with the server's confirmation: never sent again. */
  private undone = new Set<string>();
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private listeners = new Set<(s: OutboxStatus) => void>();
  private status: OutboxStatus;
  private flushing: Promise<void> | null = null;
  private writes: Promise<void> = Promise.resolve();
  private sendUndo: (clientId: string) => Promise<UndoAnswer>;
  private batchSize: number;
  /** Resolves once grades left by an earlier page have been read from the device. */
  readonly ready: Promise<void>;

  constructor(
    private storage: OutboxStorage,
    private send: (batch: PendingGrade[]) => Promise<SendResult>,
    options: OutboxOptions = {},
  ) {
    this.sendUndo = options.sendUndo ?? (async () => 'unreachable');
    this.batchSize = options.batchSize ?? 50;
    this.pending = [];
    this.status = { pending: 0, sending: false, lastError: null, rejected: [], storageError: null };
    // `load` may throw synchronously (some browsers' indexedDB.open does): make it a rejection.
    this.ready = Promise.resolve()
      .then(() => storage.load())
      .then(
        (stored) => {
          // A grade left by an earlier page may have been sent by it: treat it as possibly delivered.
          stored.forEach((g) => this.maybeDelivered.add(g.clientId));
          const known = new Set(this.pending.map((g) => g.clientId));
          this.pending = [...stored.filter((g) => !known.has(g.clientId)), ...this.pending].sort((a, b) => a.reviewedAt - b.reviewedAt);
          this.emit({});
        },
        (error: unknown) => this.emit({ storageError: describe(error) }),
      );
  }

  /**
   * Writes are chained so the device copy always ends with the latest list. A failed write is
   * reported (status.storageError) and cleared by the next write that succeeds; it never throws,
   * so grading goes on from memory.
   */
  private persist(): Promise<void> {
    const snapshot = this.pending;
    this.writes = this.writes
      .then(() => this.storage.save(snapshot))
      .then(
        () => {
          if (this.status.storageError !== null) this.emit({ storageError: null });
        },
        (error: unknown) => this.emit({ storageError: describe(error) }),
      );
    return this.writes;
  }

  /** The grades not yet settled by the server, oldest first. */
  list(): readonly PendingGrade[] {
    return this.pending;
  }

  subscribe(listener: (s: OutboxStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.status);
    return () => this.listeners.delete(listener);
  }

  private emit(patch: Partial<OutboxStatus>) {
    this.status = { ...this.status, ...patch, pending: this.pending.length };
    for (const l of this.listeners) l(this.status);
  }

  /**
   * Stores the grade on the device and starts sending it. Resolves once the write is done or has
   * failed (then status.storageError says so and the grade is kept in memory): await it before
   * moving on, so the screen never runs ahead of what the device holds.
   */
  add(grade: PendingGrade): Promise<void> {
    if (this.undone.has(grade.clientId) || this.has(grade.clientId)) return this.writes;
    this.pending = [...this.pending, grade];
    const written = this.persist();
    this.emit({});
    void this.flush();
    return written;
  }

  /** Takes back a grade that has never left the device; false if the server may already have it. */
  withdraw(clientId: string): boolean {
    if (this.inFlight.has(clientId) || this.maybeDelivered.has(clientId) || !this.has(clientId)) return false;
    this.forget(clientId);
    return true;
  }

  /**
   * Undoes a grade wherever it is: taken back if it never left, else (after sending what is
   * waiting, so the server's latest review is this one) undone by the server. True when undone.
   */
  async undo(clientId: string): Promise<boolean> {
    await this.ready;
    if (this.withdraw(clientId)) return true;
    await this.flush();
    const answer = await this.sendUndo(clientId).catch((): UndoAnswer => 'unreachable');
    // `not_found` after a flush: nothing is on its way and the server never got it, so dropping it here is exact.
    if (answer === 'undone' || (answer === 'not_found' && !this.inFlight.has(clientId))) {
      this.forget(clientId);
      return true;
    }
    return false;
  }

  private forget(clientId: string) {
    this.undone.add(clientId);
    this.maybeDelivered.delete(clientId);
    if (this.has(clientId)) {
      this.pending = this.pending.filter((g) => g.clientId !== clientId);
      void this.persist();
    }
    this.emit({});
  }

  has(clientId: string): boolean {
    return this.pending.some((g) => g.clientId === clientId);
  }

  /** Sends everything pending; resolves when the queue is empty or a send failed (a retry is then scheduled). */
  flush(): Promise<void> {
    this.flushing ??= this.drain().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async drain(): Promise<void> {
    await this.ready;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.pending.length > 0) {
      const batch = this.pending.slice(0, this.batchSize);
      batch.forEach((g) => this.inFlight.add(g.clientId));
      this.emit({ sending: true });
      try {
        const results = await this.send(batch);
        if (results.length === 0) throw new Error('The server answered without saving these grades');
        const settled = new Set<string>();
        const rejected: OutboxStatus['rejected'] = [];
        results.forEach((r, i) => {
          const id = r.clientId ?? batch[i]?.clientId;
          if (!id) return;
          settled.add(id);
          this.maybeDelivered.delete(id);
          if (r.status === 'rejected') rejected.push({ clientId: id, reason: r.reason ?? 'rejected' });
        });
        this.pending = this.pending.filter((g) => !settled.has(g.clientId));
        await this.persist();
        this.failures = 0;
        this.emit({ lastError: null, rejected: [...this.status.rejected, ...rejected] });
      } catch (error) {
        if (!(error instanceof NotSentError)) batch.forEach((g) => this.maybeDelivered.add(g.clientId));
        this.failures += 1;
        const wait = BACKOFF_MS[Math.min(this.failures - 1, BACKOFF_MS.length - 1)] as number;
        this.timer = setTimeout(() => void this.flush(), wait);
        this.emit({ sending: false, lastError: error instanceof Error ? error.message : 'Could not reach the server' });
        return;
      } finally {
        batch.forEach((g) => this.inFlight.delete(g.clientId));
      }
    }
    this.emit({ sending: false });
  }
}
