/**
 * The part of the Auth.js setup shared with the proxy: pages, session strategy, and the names of
 * the session cookie. No database or password code here, so the proxy stays light.
 */
import type { NextAuthConfig } from 'next-auth';

export const PUBLIC_PATHS = ['/', '/signin', '/signup', '/forgot-password', '/reset-password', '/invite', '/verify-email'];

// Auth.js names the cookie with a __Secure- prefix when the site is served over https, and splits
// a large token into numbered chunks (".0", ".1").
export const SESSION_COOKIE_NAMES = ['__Secure-authjs.session-token', 'authjs.session-token'];

export function isSessionCookie(name: string): boolean {
  return SESSION_COOKIE_NAMES.some((n) => name === n || name.startsWith(`${n}.`));
}

export const authConfig = {
  pages: { signIn: '/signin' },
  // The token lives as long as a session may at most (90 days); the server-side row decides
  // whether it is still open (30 days without use end it): db/queries/sessions.ts.
  session: { strategy: 'jwt', maxAge: 90 * 24 * 60 * 60 },
  trustHost: true,
  providers: [],
} satisfies NextAuthConfig;
