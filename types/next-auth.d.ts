import type { Role } from '@/db/schema';

declare module 'next-auth' {
  interface User {
    role: Role;
    sessionVersion: number;
  }
  interface Session {
    user: { id: string; role: Role; name: string; email: string };
    /** Session version of the token (see auth.ts). */
    sv?: number;
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    uid?: number;
    role: Role;
    sv?: number;
  }
}
