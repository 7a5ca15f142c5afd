import type { Role } from '@/db/schema';

declare module 'next-auth' {
  interface User {
    role: Role;
    sessionVersion: number;
    /** The server-side session created at sign-in (db/queries/sessions.ts). */
    sessionId: string;
  }
  interface Session {
    user: { id: string; role: Role; name: string; email: string };
    /** Session version of the token (see auth.ts). */
    sv?: number;
    /** The server-side session id of the token. */
    sid?: string;
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    uid?: number;
    role: Role;
    sv?: number;
    sid?: string;
  }
}
