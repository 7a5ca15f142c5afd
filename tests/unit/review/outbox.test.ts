import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Outbox, type OutboxStorage, type PendingGrade, type SendResult } from '@/lib/review/outbox';

function memoryStorage(initial: PendingGrade[] = []): OutboxStorage & { saved: PendingGrade[] } {
  const s = {
    saved: initial,
    load: async () => s.saved,
    save: async (p: PendingGrade[]) => void (s.saved = p),
  };
  return s;
}
const g = (n: number): PendingGrade => ({ clientId: `client-${n}`, cardId: n, grade: 3, reviewedAt: 1_700_000_000_000 + n, durationMs: 1000 });
const ok = (batch: PendingGrade[]): SendResult => batch.map((b) => ({ clientId: b.clientId, status: 'recorded' as const }));

describe('outbox', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps a grade on the device until the server acknowledges it', async () => {
    const storage = memoryStorage();
    let release: (r: SendResult) => void = () => {};
    const send = vi.fn((batch: PendingGrade[]) => new Promise<SendResult>((r) => (release = () => r(ok(batch)))));
    const box = new Outbox(storage, send);
    await box.add(g(1));
    expect(storage.saved).toHaveLength(1);
    await box.ready;
    await vi.waitFor(() => expect(send).toHaveBeenCalled());
    release([]);
    await box.flush();
    expect(storage.saved).toHaveLength(0);
  });

  it('retries after a network failure and sends the same client ids again', async () => {
    const storage = memoryStorage();
    const send = vi.fn<(b: PendingGrade[]) => Promise<SendResult>>().mockRejectedValueOnce(new Error('offline')).mockImplementation(async (b) => ok(b));
    const box = new Outbox(storage, send);
    const statuses: number[] = [];
    box.subscribe((s) => statuses.push(s.pending));
    let lastError: string | null = null;
    box.subscribe((s) => (lastError = s.lastError));
    await box.add(g(1));
    await vi.waitFor(() => expect(lastError).toBe('offline'));
    expect(send).toHaveBeenCalledTimes(1);
    expect(storage.saved).toHaveLength(1);
    // The retry comes by itself after the back-off.
    await vi.advanceTimersByTimeAsync(1000);
    await box.flush();
    expect(send).toHaveBeenCalledTimes(2);
    expect(send.mock.calls[1]?.[0].map((x) => x.clientId)).toEqual(['client-1']);
    expect(storage.saved).toHaveLength(0);
  });

  it('loads grades left by an earlier page and sends them', async () => {
    const storage = memoryStorage([g(1), g(2)]);
    const send = vi.fn(async (b: PendingGrade[]) => ok(b));
    await new Outbox(storage, send).flush();
    expect(send.mock.calls[0]?.[0]).toHaveLength(2);
    expect(storage.saved).toEqual([]);
  });

  it('sets rejected grades aside with their reason instead of retrying them forever', async () => {
    const storage = memoryStorage();
    const send = vi.fn(async (b: PendingGrade[]): Promise<SendResult> => b.map((x) => ({ clientId: x.clientId, status: 'rejected', reason: 'unknown card' })));
    const box = new Outbox(storage, send);
    let rejected = 0;
    box.subscribe((s) => (rejected = s.rejected.length));
    await box.add(g(9));
    await box.flush();
    expect(storage.saved).toEqual([]);
    expect(rejected).toBe(1);
  });

  it('withdraws an unsent grade (undo before saving)', async () => {
    const storage = memoryStorage();
    const send = vi.fn(async () => {
      throw new Error('offline');
    });
    const box = new Outbox(storage, send);
    await box.add(g(1));
    await box.flush();
    expect(box.withdraw('client-1')).toBe(true);
    await vi.waitFor(() => expect(storage.saved).toEqual([]));
    expect(box.withdraw('client-1')).toBe(false);
  });
});
