/**
 * Runs before every page: redirects visitors without a session cookie to sign-in (and back after),
 * refuses what Next.js would answer with a 500 (oversized or malformed action posts, cross-origin
 * actions, bad percent escapes) with a 4xx, and gives the page a Content-Security-Policy with a
 * fresh nonce (lib/security/csp.ts). The redirect is only a convenience: every page, action and
 * route checks the session itself through app/_lib/session.ts, which also looks up the
 * server-side session row, so a signed-out cookie opens nothing even though the proxy lets it by.
 *
 * It deliberately does not run Auth.js: its proxy wrapper re-issues the session cookie on every
 * request, and a response in flight at sign-out brought the cookie back. Sessions slide on the
 * server instead (db/queries/sessions.ts), without touching the cookie.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { isSessionCookie, PUBLIC_PATHS } from './auth.config';
import { newNonce, pagePolicy } from './lib/security/csp';
import { parse as parseContentType } from 'content-type';
import { addressHoldsNul, pathDecodes, plausibleActionId, plausibleMultipartActionBody, plausibleMultipartFormPost, plausibleTextActionBody, sameHost } from './lib/security/request-shape';

// Next.js refuses server-action bodies over 1 MB (serverActions.bodySizeLimit), but answers 500; say 413 first.
export const MAX_ACTION_BODY = 1024 * 1024;

function refuse(status: number, message: string) {
  return new NextResponse(message, { status, headers: { 'content-type': 'text/plain', 'cache-control': 'no-store' } });
}

/**
 * The body of a POST, read once and counted as it streams (a chunked body has no Content-Length to
 * look at): its bytes, or null past `limit`. Next.js hands the proxy a copy of the body and keeps
 * the original for the page, so reading it here takes nothing from the action.
 */
async function readBody(request: NextRequest, limit: number): Promise<Uint8Array | null> {
  if (Number(request.headers.get('content-length') ?? 0) > limit) return null;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
}

async function refusal(request: NextRequest): Promise<NextResponse | null> {
  if (!pathDecodes(request.nextUrl.pathname) || addressHoldsNul(request.nextUrl.pathname, request.nextUrl.search)) return refuse(400, 'Malformed address.');
  if (request.method !== 'POST') return null;
  const action = request.headers.get('next-action');
  if (action !== null && !plausibleActionId(action)) return refuse(400, 'Malformed request.');
  // Next.js refuses these too, but with a 500; our pages only ever post to themselves.
  if (!sameHost(request.headers.get('origin'), request.headers.get('x-forwarded-host') ?? request.headers.get('host'))) return refuse(403, 'Cross-origin request refused.');
  // A multipart form posted without JavaScript may carry an action's bound arguments: checked too.
  const formPost = action === null && /^multipart\/form-data\b/i.test(request.headers.get('content-type') ?? '');
  // Other bodies with a Content-Length are judged by it; fetch actions and multipart forms by their shape.
  if (action === null && !formPost && request.headers.get('content-length') !== null) {
    return Number(request.headers.get('content-length')) > MAX_ACTION_BODY ? refuse(413, 'Request body too large.') : null;
  }
  const body = await readBody(request, MAX_ACTION_BODY);
  if (body === null) return refuse(413, 'Request body too large.');
  if (action !== null && !(await plausibleActionPayload(request.headers.get('content-type'), body))) return refuse(400, 'Malformed request.');
  if (formPost && !(await plausibleFormPost(request.headers.get('content-type'), body))) return refuse(400, 'Malformed request.');
  return null;
}

/** Checks a multipart form post's bound action arguments (see lib/security/action-reply.ts). */
async function plausibleFormPost(contentType: string | null, body: Uint8Array): Promise<boolean> {
  try {
    const form = await new Response(body as BodyInit, { headers: { 'content-type': contentType ?? '' } }).formData();
    return plausibleMultipartFormPost(form);
  } catch {
    return false; // not even multipart: Next.js would fail on it too
  }
}

/** Checks the shape of a fetch action's body (see lib/security/request-shape.ts). */
async function plausibleActionPayload(contentType: string | null, body: Uint8Array): Promise<boolean> {
  let type: string;
  try {
    type = parseContentType(contentType ?? '').type;
  } catch {
    return false;
  }
  try {
    if (type === 'multipart/form-data') {
      const form = await new Response(body as BodyInit, { headers: { 'content-type': contentType ?? '' } }).formData();
      return plausibleMultipartActionBody(form);
    }
    return plausibleTextActionBody(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    return false; // a body that does not even parse as what it says it is
  }
}

export default async function proxy(request: NextRequest) {
  const refused = await refusal(request);
  if (refused) return refused;
  const path = request.nextUrl.pathname;
  if (!PUBLIC_PATHS.includes(path) && !request.cookies.getAll().some((c) => isSessionCookie(c.name))) {
    const signIn = new URL('/signin', request.nextUrl);
    signIn.searchParams.set('callbackUrl', `${path}${request.nextUrl.search}`);
    return NextResponse.redirect(signIn);
  }
  const policy = pagePolicy(newNonce(), process.env.NODE_ENV === 'development');
  // Next.js reads the nonce from the request's CSP header and puts it on the scripts it renders.
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', policy);
  return response;
}

export const config = {
  // Skip API routes (they answer 401 themselves), Next internals and static files.
  matcher: ['/((?!api|serwist|offline|_next/static|_next/image|favicon.ico|icons|manifest.webmanifest|robots.txt).*)'],
};
