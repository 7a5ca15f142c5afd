/**
 * The part of the Auth.js setup the proxy needs: pages, session strategy and which paths
 * require a session. No database or password code here, so the proxy stays light.
 */
import type { NextAuthConfig } from 'next-auth';

const PUBLIC_PATHS = ['/', '/signin', '/signup'];

export const authConfig = {
  pages: { signIn: '/signin' },
  session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
  trustHost: true,
  providers: [],
  callbacks: {
    authorized({ auth, request }) {
      const path = request.nextUrl.pathname;
      if (PUBLIC_PATHS.includes(path) || auth?.user) return true;
      // The redirect Auth.js would make for `false`, answered here because proxy.ts adds its own
      // handler (for the CSP nonce), and Auth.js skips its redirect when there is one.
      const signIn = new URL('/signin', request.nextUrl);
      signIn.searchParams.set('callbackUrl', request.nextUrl.href);
      return Response.redirect(signIn);
    },
  },
} satisfies NextAuthConfig;
