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
      if (PUBLIC_PATHS.includes(path)) return true;
      // Returning false makes Auth.js redirect to the sign-in page with a callbackUrl.
      return Boolean(auth?.user);
    },
  },
} satisfies NextAuthConfig;
