/**
 * Pacing for background work on the server's event loop (the card replays and pool histories of
 * a refit): after each slice of work, wait `share` times as long as the slice took, so the work
 * takes at most 1 / (1 + share) of the loop and requests keep the rest. A bare setImmediate
 * between slices (as before) let the refit take about half the loop: grading fell to 56 % of
 * its throughput while every pool refitted (docs/benchmarks.md).
 */

/** Default: background work takes at most a quarter of the loop. */
export const BACKGROUND_SHARE = 3;

export function pauseAfter(sliceMs: number, share = BACKGROUND_SHARE): Promise<void> {
  const ms = Math.min(1_000, Math.max(0, sliceMs * share));
  return new Promise((resolve) => (ms < 1 ? setImmediate(resolve) : setTimeout(resolve, ms)));
}

/** Runs `slice` (awaited: the database calls of a slice are async) and then pauses in proportion to how long it took. */
export async function paced<T>(slice: () => T | Promise<T>, share = BACKGROUND_SHARE): Promise<T> {
  const started = performance.now();
  const out = await slice();
  await pauseAfter(performance.now() - started, share);
  return out;
}
