/**
 * Runs before every page: redirects visitors without a session cookie to sign-in (and back after),
 * refuses oversized form posts, and gives the page a Content-Security-Policy with a fresh nonce
 * (lib/security/csp.ts). The redirect is only a convenience: every page, action and route checks
 * the session itself through db/queries/session.ts.
 *
 * It deliberately does not run Auth.js: Auth.js's proxy wrapper re-issues the session cookie on
 * every request, so a prefetch still in flight when the student pressed "Sign out" came back with a
 * fresh cookie and signed them in again (seen in the end-to-end tests). Sessions therefore last
 * their 30 days from sign-in instead of rolling.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { isSessionCookie, PUBLIC_PATHS } from './auth.config';
import { newNonce, pagePolicy } from './lib/security/csp';

// Next.js refuses server-action bodies over 1 MB, but answers 500; say 413 before it gets there.
const MAX_ACTION_BODY = 1024 * 1024;

export default function proxy(request: NextRequest) {
  if (request.method === 'POST' && Number(request.headers.get('content-length') ?? 0) > MAX_ACTION_BODY) {
    return new NextResponse('Request body too large.', { status: 413, headers: { 'content-type': 'text/plain' } });
  }
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
