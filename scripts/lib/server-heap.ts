/**
 * The V8 heap cap the app's server runs with (npm start, hence the end-to-end server, and the
 * benchmark). Uncapped, V8 grows the old generation with the allocation rate: under the
 * benchmark's load the server reached ~500 MB RSS while holding ~100 MB live; capped at 256 MB it
 * peaked at ~260 MB at the same throughput. NODE_OPTIONS set by the operator comes after ours,
 * so their own --max-old-space-size wins.
 */
export const SERVER_HEAP_FLAG = '--max-old-space-size=256';

/** NODE_OPTIONS for the server: the cap, then whatever the environment already asks for. */
export function serverNodeOptions(existing = process.env.NODE_OPTIONS ?? ''): string {
  return [SERVER_HEAP_FLAG, existing.trim()].filter(Boolean).join(' ');
}
