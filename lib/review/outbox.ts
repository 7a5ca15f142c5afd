/**
 * Grades waiting to reach the server. A grade is stored on the device first (so a reload, a lost
 * connection or a crash can't lose it), then sent in batches in the background and removed only
 * when the server has acknowledged it. Sending is retried with back-off; a grade the server
 * rejects for good (e.g. a card that no longer exists) is set aside and reported, not retried forever.
 */
export interface PendingGrade {
  clientId: string;
  cardId: number;
  grade: 1 | 2 | 3 | 4;
  reviewedAt: number;
  durationMs: number;
}

export type SendResult = { clientId: string | null; status: 'recorded' | 'duplicate' | 'rejected'; reason?: string }[];

export interface OutboxStorage {
  load(): Promise<PendingGrade[]>;
  save(pending: PendingGrade[]): Promise<void>;
}

export interface OutboxStatus {
  pending: number;
  sending: boolean;
  lastError: string | null;
  rejected: { clientId: string; reason: string }[];
}

const BACKOFF_MS = [1000, 2000, 5000, 10_000, 30_000];

export class Outbox {
  private pending: PendingGrade[];
  private inFlight = new Set<string>();
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private listeners = new Set<(s: OutboxStatus) => void>();
  private status: OutboxStatus;
  private flushing: Promise<void> | null = null;
  private writes: Promise<void> = Promise.resolve();
  /** Resolves once grades left by an earlier page have been read from the device. */
  readonly ready: Promise<void>;

  constructor(
    private storage: OutboxStorage,
    private send: (batch: PendingGrade[]) => Promise<SendResult>,
    private batchSize = 50,
  ) {
    this.pending = [];
    this.status = { pending: 0, sending: false, lastError: null, rejected: [] };
    this.ready = storage.load().then(
      (stored) => {
        const known = new Set(this.pending.map((g) => g.clientId));
        this.pending = [...stored.filter((g) => !known.has(g.clientId)), ...this.pending].sort((a, b) => a.reviewedAt - b.reviewedAt);
        this.emit({});
      },
      () => undefined,
    );
  }

  /** Writes are chained so the device copy always ends with the latest list. */
  private persist(): Promise<void> {
    const snapshot = this.pending;
    this.writes = this.writes.then(() => this.storage.save(snapshot)).catch(() => undefined);
    return this.writes;
  }

  /** The grades not yet acknowledged by the server, oldest first. */
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

  /** Stores the grade on the device (resolves when written) and starts sending it. */
  add(grade: PendingGrade): Promise<void> {
    this.pending = [...this.pending, grade];
    const written = this.persist();
    this.emit({});
    void this.flush();
    return written;
  }

  /** Takes back a grade that has not been sent yet; false if it is already on its way or saved. */
  withdraw(clientId: string): boolean {
    if (this.inFlight.has(clientId) || !this.pending.some((g) => g.clientId === clientId)) return false;
    this.pending = this.pending.filter((g) => g.clientId !== clientId);
    void this.persist();
    this.emit({});
    return true;
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
        const done = new Set<string>();
        const rejected: OutboxStatus['rejected'] = [];
        results.forEach((r, i) => {
          const id = r.clientId ?? batch[i]?.clientId;
          if (!id) return;
          done.add(id);
          if (r.status === 'rejected') rejected.push({ clientId: id, reason: r.reason ?? 'rejected' });
        });
        this.pending = this.pending.filter((g) => !done.has(g.clientId));
        await this.persist();
        this.failures = 0;
        this.emit({ lastError: null, rejected: [...this.status.rejected, ...rejected] });
      } catch (error) {
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
