/**
 * GET /api/bench/floor — the benchmark's floor: the cheapest request the framework can answer.
 * Other routes are measured against it. Answers 404 unless the server runs with BENCH_FLOOR=1.
 */
import { connection } from 'next/server';

export async function GET() {
  // Read the flag per request (not at build time), so a normal build never exposes it.
  await connection();
  if (process.env.BENCH_FLOOR !== '1') return new Response('Not found', { status: 404 });
  return new Response('ok', { headers: { 'content-type': 'text/plain', 'cache-control': 'no-store' } });
}
