/**
 * HTTP helpers for the benchmark and the reliability tests: sign in through the real Auth.js
 * credentials flow and keep the session cookie; time sequential GETs; sum a page's script size.
 */
import { gzipSync } from 'node:zlib';

/** Cookies from a response's Set-Cookie headers, as name → value. */
function cookiesOf(response: Response): Map<string, string> {
  const jar = new Map<string, string>();
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const eq = pair?.indexOf('=') ?? -1;
    if (pair && eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  return jar;
}

const header = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

/**
 * Signs in like a browser does with Auth.js: GET /api/auth/csrf (token + cookie), then POST the
 * credentials form to /api/auth/callback/credentials. Returns the Cookie header to send afterwards.
 */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const jar = cookiesOf(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: header(jar) },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/today` }),
  });
  for (const [k, v] of cookiesOf(response)) jar.set(k, v);
  const session = [...jar.keys()].find((k) => k.endsWith('authjs.session-token'));
  if (!session) throw new Error(`Sign-in failed for ${email} (status ${response.status}, location ${response.headers.get('location')})`);
  return `${session}=${jar.get(session)}`;
}

export interface Timing {
  status: number;
  p50: number;
  p99: number;
  mean: number;
  samples: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

/** `count` sequential GETs of `url` (after `warmup` untimed ones), timed to the last byte of the body. */
export async function timeSequentialGets(url: string, cookie: string | undefined, count: number, warmup = 3): Promise<Timing> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  // An empty cookie string means: as a visitor without a session.
  let status = 0;
  for (let i = 0; i < warmup; i++) {
    const r = await fetch(url, { headers, redirect: 'manual' });
    await r.arrayBuffer();
    status = r.status;
  }
  if (status !== 200) return { status, p50: NaN, p99: NaN, mean: NaN, samples: 0 };
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const r = await fetch(url, { headers, redirect: 'manual' });
    await r.arrayBuffer();
    times.push(performance.now() - t0);
    status = r.status;
  }
  times.sort((a, b) => a - b);
  return { status, p50: percentile(times, 50), p99: percentile(times, 99), mean: times.reduce((a, b) => a + b, 0) / times.length, samples: times.length };
}

/**
 * Bytes of JavaScript a page loads through <script src>, each file gzipped (default level), and the
 * page's own HTML gzipped. `nomodule` scripts (legacy polyfills) are left out: modern browsers skip them.
 */
export async function pageWeight(url: string, cookie?: string): Promise<{ scripts: number; jsGzip: number; htmlGzip: number }> {
  const page = await fetch(url, { headers: cookie ? { cookie } : {} });
  if (!page.ok) throw new Error(`${url} answered ${page.status}`);
  const html = await page.text();
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !/\snomodule\b/i.test(tag));
  const srcs = [...new Set(tags.flatMap((tag) => /\ssrc="([^"]+)"/.exec(tag)?.[1]?.replace(/&amp;/g, '&') ?? []))];
  let jsGzip = 0;
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src, url))).arrayBuffer());
    jsGzip += gzipSync(body).length;
  }
  return { scripts: srcs.length, jsGzip, htmlGzip: gzipSync(Buffer.from(html)).length };
}
