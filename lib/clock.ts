/**
 * The app's notion of "now". Production always uses the real clock. End-to-end tests may start
 * the server with APP_TEST_CLOCK_FILE pointing at a file holding an offset in ms (to simulate
 * "tomorrow"); the variable is read only at process start, so no request can move the clock,
 * and it is refused when NODE_ENV is production unless APP_ALLOW_TEST_CLOCK=1 is also set by the test runner.
 */
import { readFileSync, statSync } from 'node:fs';

const clockFile =
  process.env.APP_TEST_CLOCK_FILE && (process.env.NODE_ENV !== 'production' || process.env.APP_ALLOW_TEST_CLOCK === '1')
    ? process.env.APP_TEST_CLOCK_FILE
    : undefined;

let cached: { mtimeMs: number; offset: number } | undefined;

function testOffset(file: string): number {
  try {
    const { mtimeMs } = statSync(file);
    if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, offset: Number(readFileSync(file, 'utf8').trim()) || 0 };
    return cached.offset;
  } catch {
    return 0;
  }
}

export function now(): Date {
  return clockFile ? new Date(Date.now() + testOffset(clockFile)) : new Date();
}
