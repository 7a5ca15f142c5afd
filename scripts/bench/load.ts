/**
 * Load generation with autocannon: the floor route and review grading, each at a given number of
 * concurrent connections. Every grading request carries one new grade with a fresh clientId,
 * from one of several signed-in students, for a card that student may study.
 */
import { randomUUID } from 'node:crypto';
// autocannon ships no types; the few fields used here are typed below.
// @ts-expect-error -- no declaration file
import autocannon from 'autocannon';

export interface LoadResult {
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

interface RawRequest {
  headers: Record<string, string>;
  body?: string;
  [key: string]: unknown;
}

async function run(opts: Record<string, unknown>, connections: number): Promise<LoadResult> {
  const r = (await autocannon({ connections, timeout: 30, ...opts })) as AutocannonResult;
  return { connections, requests: r.requests.total, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors + r.timeouts };
}

export function loadFloor(baseUrl: string, connections: number, duration: number): Promise<LoadResult> {
  return run({ url: `${baseUrl}/api/bench/floor`, duration }, connections);
}

export interface Grader {
  cookie: string;
  cardIds: number[];
}

/** POST /api/reviews with one new grade per request, round-robin over `graders`. */
export function loadGrading(baseUrl: string, graders: Grader[], connections: number, duration: number): Promise<LoadResult> {
  let n = 0;
  const setupRequest = (request: RawRequest) => {
    const g = graders[n++ % graders.length] as Grader;
    const cardId = g.cardIds[Math.floor(Math.random() * g.cardIds.length)];
    const grade = Math.random() < 0.1 ? 1 : Math.random() < 0.85 ? 3 : 4;
    const body = JSON.stringify({ reviews: [{ clientId: randomUUID(), cardId, grade, reviewedAt: Date.now(), durationMs: 4000 }] });
    // Origin as a browser sends it: the route refuses requests that do not come from our own pages.
    return { ...request, method: 'POST', body, headers: { ...request.headers, 'content-type': 'application/json', cookie: g.cookie, origin: new URL(baseUrl).origin } };
  };
  return run({ url: baseUrl, requests: [{ method: 'POST', path: '/api/reviews', setupRequest }], duration }, connections);
}
