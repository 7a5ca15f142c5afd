import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { choicePart, NotSentError, Outbox, typedPart, type OutboxStorage, type PendingGrade, type SendResult, type UndoAnswer } from '@/lib/review/outbox';
import type { ObjectiveAnswer } from '@/lib/review/check-answer';
import { gradeEntrySchema } from '@/lib/validation/reviews';

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
      throw new NotSentError('offline');
    });
    const box = new Outbox(storage, send);
    await box.add(g(1));
    await box.flush();
    expect(box.withdraw('client-1')).toBe(true);
    await vi.waitFor(() => expect(storage.saved).toEqual([]));
    expect(box.withdraw('client-1')).toBe(false);
  });

  it('undoes through the server a grade whose answer was lost, then never sends it again', async () => {
    const storage = memoryStorage();
    // The first send reached the server but its answer was lost (a network error, not "offline").
    const send = vi.fn<(b: PendingGrade[]) => Promise<SendResult>>().mockRejectedValueOnce(new TypeError('Failed to fetch')).mockImplementation(async (b) => ok(b));
    const sendUndo = vi.fn(async (): Promise<UndoAnswer> => 'undone');
    const box = new Outbox(storage, send, { sendUndo });
    await box.add(g(1));
    await box.flush();
    // The server may hold it: taking it back on the device alone would leave it saved there.
    expect(box.withdraw('client-1')).toBe(false);
    expect(await box.undo('client-1')).toBe(true);
    expect(sendUndo).toHaveBeenCalledWith('client-1');
    await vi.advanceTimersByTimeAsync(60_000);
    await box.flush();
    const sentIds = send.mock.calls.flatMap((c) => c[0].map((x) => x.clientId));
    // Sent once before the undo (its answer lost), then once by the flush before asking to undo; never after.
    expect(sentIds.filter((id) => id === 'client-1').length).toBeLessThanOrEqual(2);
    const callsBefore = send.mock.calls.length;
    await box.add(g(1));
    await box.flush();
    expect(send.mock.calls.length).toBe(callsBefore);
    expect(storage.saved).toEqual([]);
  });

  it('keeps the grade and reports failure when the server refuses the undo or cannot be reached', async () => {
    for (const answer of ['refused', 'unreachable'] as const) {
      const send = vi.fn<(b: PendingGrade[]) => Promise<SendResult>>().mockRejectedValue(new TypeError('Failed to fetch'));
      const box = new Outbox(memoryStorage(), send, { sendUndo: async () => answer });
      await box.add(g(1));
      await box.flush();
      expect(await box.undo('client-1')).toBe(false);
      expect(box.has('client-1')).toBe(true);
    }
  });

  it('drops a grade the server never received when its undo finds nothing', async () => {
    const send = vi.fn<(b: PendingGrade[]) => Promise<SendResult>>().mockRejectedValue(new Error('Server answered 503'));
    const storage = memoryStorage();
    const box = new Outbox(storage, send, { sendUndo: async () => 'not_found' });
    await box.add(g(1));
    await box.flush();
    expect(await box.undo('client-1')).toBe(true);
    await vi.waitFor(() => expect(storage.saved).toEqual([]));
  });

  it('settles every kind of answer and keeps sending the next batch', async () => {
    const statuses = ['recorded', 'duplicate', 'undone', 'rejected'] as const;
    const send = vi.fn(async (b: PendingGrade[]): Promise<SendResult> => b.map((x, i) => ({ clientId: x.clientId, status: statuses[i % 4] as (typeof statuses)[number], reason: 'why' })));
    const storage = memoryStorage([g(1), g(2), g(3), g(4), g(5)]);
    const box = new Outbox(storage, send, { batchSize: 4 });
    let status = { pending: -1, rejected: 0 };
    box.subscribe((s) => (status = { pending: s.pending, rejected: s.rejected.length }));
    await box.flush();
    expect(send).toHaveBeenCalledTimes(2);
    expect(status).toEqual({ pending: 0, rejected: 1 });
    expect(storage.saved).toEqual([]);
  });

  describe('when the device cannot store grades', () => {
    it('reports a failing load and still sends what is graded on this page', async () => {
      const storage: OutboxStorage = { load: () => Promise.reject(new Error('QuotaExceededError')), save: async () => {} };
      const send = vi.fn(async (b: PendingGrade[]) => ok(b));
      const box = new Outbox(storage, send);
      let storageError: string | null = null;
      box.subscribe((s) => (storageError = s.storageError));
      await box.ready;
      expect(storageError).toBe('QuotaExceededError');
      await box.add(g(1));
      await box.flush();
      expect(send).toHaveBeenCalledTimes(1);
    });

    it('reports a load that throws synchronously (indexedDB.open throwing)', async () => {
      const storage: OutboxStorage = {
        load: () => {
          throw new DOMException('The user denied permission to access the database.', 'SecurityError');
        },
        save: async () => {},
      };
      const box = new Outbox(storage, async (b) => ok(b));
      let storageError: string | null = null;
      box.subscribe((s) => (storageError = s.storageError));
      await box.ready;
      expect(storageError).toContain('denied');
    });

    it('reports a failing save by the time add() resolves, keeps the grade in memory, and clears once storage works again', async () => {
      let broken = true;
      const saved: PendingGrade[][] = [];
      const storage: OutboxStorage = {
        load: async () => [],
        save: async (p) => {
          if (broken) throw new Error('storage full');
          saved.push(p);
        },
      };
      const send = vi.fn<(b: PendingGrade[]) => Promise<SendResult>>().mockRejectedValue(new NotSentError());
      const box = new Outbox(storage, send);
      let status = { storageError: null as string | null, pending: 0 };
      box.subscribe((s) => (status = { storageError: s.storageError, pending: s.pending }));
      await box.add(g(1));
      expect(status).toEqual({ storageError: 'storage full', pending: 1 });
      expect(box.list().map((x) => x.clientId)).toEqual(['client-1']);
      broken = false;
      await box.add(g(2));
      expect(status).toEqual({ storageError: null, pending: 2 });
      expect(saved.at(-1)?.map((x) => x.clientId)).toEqual(['client-1', 'client-2']);
    });
  });
});

describe('the typed part of a grade', () => {
  const grade = { clientId: 'typed-part-1', cardId: 1, grade: 1, reviewedAt: Date.UTC(2026, 0, 1), durationMs: 0 };
  it.each([
    ['  Nazarbayev  ', false, { answer: 'Nazarbayev', overruled: false }],
    ['x'.repeat(250), true, { answer: 'x'.repeat(200), overruled: true }],
    [`${'y'.repeat(199)}  z`, false, { answer: 'y'.repeat(199), overruled: false }],
    ['   ', true, undefined],
  ] as const)('%j (overruled %s) is sent as %j, which the server takes', (text, overruled, expected) => {
    const part = typedPart(text, overruled);
    expect(part).toEqual(expected);
    // Whatever is sent must pass the server's rule, or the grade itself would be refused with it.
    expect(gradeEntrySchema.safeParse({ ...grade, ...(part ? { typed: part } : {}) }).success).toBe(true);
  });
});

describe('the choice part of a grade', () => {
  const grade = { clientId: 'choice-part-1', cardId: 1, grade: 3, reviewedAt: Date.UTC(2026, 0, 1), durationMs: 0 };
  it.each<[ObjectiveAnswer | null, { index: number } | undefined]>([
    [{ kind: 'choice', index: 0 }, { index: 0 }],
    [{ kind: 'choice', index: 4 }, { index: 4 }],
    [{ kind: 'truefalse', value: true }, { index: 0 }],
    [{ kind: 'truefalse', value: false }, { index: 1 }],
    // An index the server's rule refuses would cost the grade with it: it is not sent.
    [{ kind: 'choice', index: 5 }, undefined],
    [{ kind: 'choice', index: -1 }, undefined],
    [{ kind: 'typed', text: 'Tokayev' }, undefined],
    [{ kind: 'ordering', order: [1, 0] }, undefined],
    [null, undefined],
  ])('%j is sent as %j, which the server takes', (answer, expected) => {
    const part = choicePart(answer);
    expect(part).toEqual(expected);
    expect(gradeEntrySchema.safeParse({ ...grade, ...(part ? { choice: part } : {}) }).success).toBe(true);
  });

  it('travels with its grade to the server, kept on the device meanwhile, and an unsent grade withdrawn takes it along', async () => {
    const storage = memoryStorage();
    let release: () => void = () => {};
    const send = vi.fn((batch: PendingGrade[]) => new Promise<SendResult>((r) => (release = () => r(ok(batch)))));
    const box = new Outbox(storage, send);
    await box.ready;
    const withChoice = { ...g(1), choice: { index: 2 } };
    await box.add(withChoice);
    expect(storage.saved).toEqual([withChoice]);
    await vi.waitFor(() => expect(send).toHaveBeenCalled());
    expect(send.mock.calls[0]?.[0]).toEqual([withChoice]);
    release();
    await box.flush();
    expect(storage.saved).toEqual([]);

    // Undone before it left the device: nothing of it is ever sent.
    const offline = new Outbox(memoryStorage(), vi.fn(async () => Promise.reject(new NotSentError())));
    await offline.ready;
    await offline.add({ ...g(2), choice: { index: 0 } });
    expect(await offline.undo('client-2')).toBe(true);
    expect(offline.has('client-2')).toBe(false);
  });
});
