/**
 * Redirects signed-out visitors to sign-in (and back after). Only a convenience:
 * every page, action and route checks the session itself through db/queries/session.ts.
 */
import NextAuth from 'next-auth';
import { authConfig } from './auth.config';

export default NextAuth(authConfig).auth;

export const config = {
  // Skip API routes (they answer 401 themselves), Next internals and static files.
  matcher: ['/((?!api|serwist|offline|_next/static|_next/image|favicon.ico|icons|manifest.webmanifest|robots.txt).*)'],
};
