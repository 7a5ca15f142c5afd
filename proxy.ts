/**
 * Runs before every page: redirects signed-out visitors to sign-in (and back after), refuses
 * oversized form posts, and gives the page a Content-Security-Policy with a fresh nonce (lib/security/csp.ts). The redirect is only a
 * convenience: every page, action and route checks the session itself through db/queries/session.ts.
 */
import NextAuth from 'next-auth';
import { NextResponse } from 'next/server';
import { authConfig } from './auth.config';
import { newNonce, pagePolicy } from './lib/security/csp';

const { auth } = NextAuth(authConfig);

// Next.js refuses server-action bodies over 1 MB, but answers 500; say 413 before it gets there.
const MAX_ACTION_BODY = 1024 * 1024;

// Runs only when authConfig.callbacks.authorized lets the request through (it answers the redirect itself).
export default auth((request) => {
  if (request.method === 'POST' && Number(request.headers.get('content-length') ?? 0) > MAX_ACTION_BODY) {
    return new NextResponse('Request body too large.', { status: 413, headers: { 'content-type': 'text/plain' } });
  }
  const policy = pagePolicy(newNonce(), process.env.NODE_ENV === 'development');
  // Next.js reads the nonce from the request's CSP header and puts it on the scripts it renders.
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', policy);
  return response;
});

export const config = {
  // Skip API routes (they answer 401 themselves), Next internals and static files.
  matcher: ['/((?!api|serwist|offline|_next/static|_next/image|favicon.ico|icons|manifest.webmanifest|robots.txt).*)'],
};
