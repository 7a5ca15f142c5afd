// paced() pauses in proportion to a slice's time, also when the slice is async (the data layer's
// calls are, on the engine): the pause must count the awaited work, not just the synchronous start.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { paced } from '@/lib/time/background-pace';

afterEach(() => {
  vi.useRealTimers();
});

describe('paced', () => {
  it.each([
    ['a synchronous slice', false],
    ['an async slice', true],
  ])('waits share × the time of %s, and returns its result', async (_name, async) => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setImmediate', 'performance'] });
    const work = async () => {
      await Promise.resolve(); // as a database call: the work happens after the first await
      vi.advanceTimersByTime(40); // the slice takes 40 ms of the (fake) clock
      return 'done';
    };
    const slice = async ? work : () => (vi.advanceTimersByTime(40), 'done');
    let settled = false;
    const out = paced(slice, 2).then((value) => {
      settled = true;
      return value;
    });
    await vi.advanceTimersByTimeAsync(79);
    expect(settled).toBe(false); // 2 × 40 ms of pause not over yet
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true);
    await expect(out).resolves.toBe('done');
  });
});
