/**
 * The part of the Auth.js setup shared with the proxy: pages, session strategy, and the names of
 * the session cookie. No database or password code here, so the proxy stays light.
 */
import type { NextAuthConfig } from 'next-auth';

export const PUBLIC_PATHS = ['/', '/signin', '/signup'];

// Auth.js names the cookie with a __Secure- prefix when the site is served over https, and splits
// a large token into numbered chunks (".0", ".1").
export const SESSION_COOKIE_NAMES = ['__Secure-authjs.session-token', 'authjs.session-token'];

export function isSessionCookie(name: string): boolean {
  return SESSION_COOKIE_NAMES.some((n) => name === n || name.startsWith(`${n}.`));
}

export const authConfig = {
  pages: { signIn: '/signin' },
  session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
  trustHost: true,
  providers: [],
} satisfies NextAuthConfig;
