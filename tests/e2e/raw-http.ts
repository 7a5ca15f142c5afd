/**
 * Plain node:http requests to the e2e server, for what a browser or Playwright's request context
 * cannot send: chunked bodies of any size, a chosen source address (127.0.0.x, so a throttle test
 * has an address of its own), any header. Also signs in through Auth.js's credentials endpoint.
 */
import http from 'node:http';
import { projectBaseURL } from './base-url';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  /** A string is sent with Content-Length; chunks are sent chunked, one write each. */
  body?: string | { chunk: Buffer; count: number };
  localAddress?: string;
}

export function rawRequest({ method = 'GET', path, headers = {}, body, localAddress }: RawRequest): Promise<RawResponse> {
  const target = new URL(projectBaseURL());
  return new Promise((resolve, reject) => {
    // A connection of its own (agent: false): how one refused upload's connection ends must not decide
    // whether the next request, on the same kept-alive socket, gets an answer.
    const req = http.request({ host: '127.0.0.1', port: target.port, method, path, headers: { host: target.host, ...headers }, localAddress, agent: false }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(parts).toString('utf8') }));
      res.on('error', reject);
    });
    // The server may answer (413) and stop reading before the whole body is sent: that is the point,
    // so a write error (EPIPE, ECONNRESET) is expected; the answer may still arrive after it. A
    // connection that closes without an answer is a failure, not a hang.
    let answered = false;
    req.on('response', () => (answered = true));
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ECONNRESET') return;
      reject(error);
    });
    req.on('close', () => {
      if (!answered) reject(new Error(`${method} ${path}: the connection closed without an answer`));
    });
    if (typeof body === 'string') {
      req.end(body);
    } else if (body) {
      let sent = 0;
      const pump = () => {
        while (sent < body.count) {
          sent += 1;
          if (!req.write(body.chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      req.on('response', () => (sent = body.count)); // stop sending once answered
      pump();
    } else {
      req.end();
    }
  });
}

function setCookies(res: RawResponse): Map<string, string> {
  const jar = new Map<string, string>();
  for (const line of res.headers['set-cookie'] ?? []) {
    const [pair] = line.split(';');
    const eq = pair?.indexOf('=') ?? -1;
    if (pair && eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  return jar;
}

/** One try at Auth.js's credentials sign-in; returns where it redirects and the session cookie, if any. */
export async function credentialsSignIn(email: string, password: string, options: { localAddress?: string; headers?: Record<string, string> } = {}) {
  const csrf = await rawRequest({ path: '/api/auth/csrf', localAddress: options.localAddress });
  const jar = setCookies(csrf);
  const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
  const res = await rawRequest({
    method: 'POST',
    path: '/api/auth/callback/credentials',
    localAddress: options.localAddress,
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '), ...options.headers },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${projectBaseURL()}/today` }).toString(),
  });
  const session = [...setCookies(res)].find(([k, v]) => k.endsWith('authjs.session-token') && v);
  return { status: res.status, location: String(res.headers.location ?? ''), cookie: session ? `${session[0]}=${session[1]}` : undefined };
}

/** Signs out through Auth.js's own endpoint (not the app's button), with the session cookie given. */
export async function authJsSignOut(sessionCookie: string): Promise<number> {
  const csrf = await rawRequest({ path: '/api/auth/csrf', headers: { cookie: sessionCookie } });
  const jar = setCookies(csrf);
  const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
  const cookie = [sessionCookie, ...[...jar].map(([k, v]) => `${k}=${v}`)].join('; ');
  const res = await rawRequest({
    method: 'POST',
    path: '/api/auth/signout',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams({ csrfToken, callbackUrl: `${projectBaseURL()}/signin` }).toString(),
  });
  return res.status;
}
