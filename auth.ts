/**
 * Auth.js: email + password sign-in with JWT sessions the server can end.
 * Each sign-in creates a row in `sessions` (db/queries/sessions.ts) and the token carries its id;
 * every use of the token checks that the row is still there (and the user's session version, which
 * a role change bumps), so deleting the row signs that browser out on its next request.
 */
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { authConfig } from './auth.config';
import { clearSignInFailures, findUserByEmail, recordSignInFailure, throttleLockRemaining } from '@/db/queries/auth';
import { createSession, deleteSession, openSession } from '@/db/queries/sessions';
import { clientAddress } from '@/lib/auth/client-address';
import { userAgentSummary } from '@/lib/auth/user-agent';
import { burnPasswordCheck, verifyPassword } from '@/lib/auth/password';
import { ACCOUNT_LIMITS, IP_LIMITS, lockMessage } from '@/lib/auth/throttle';
import { signInSchema } from '@/lib/validation/auth';
import { now } from '@/lib/clock';

class InvalidCredentials extends CredentialsSignin {
  code = 'invalid';
}
export class ThrottledSignIn extends CredentialsSignin {
  constructor(public readonly remainingMs: number) {
    super(lockMessage(remainingMs));
    this.code = `locked:${Math.ceil(remainingMs / 60_000)}`;
  }
}

export const { auth, handlers, signIn, signOut } = NextAuth({
  ...authConfig,
  logger: {
    // A wrong password is an expected outcome, not a server error: keep it out of the error log.
    error(error) {
      if ((error as { type?: string }).type === 'CredentialsSignin') return;
      console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const { email, password } = parsed.data;
        const at = now().getTime();
        const accountKey = `email:${email}`;
        const ipKey = `ip:${clientAddress(request?.headers)}`;
        const locked = await throttleLockRemaining([accountKey, ipKey], at);
        if (locked > 0) throw new ThrottledSignIn(locked);

        const user = await findUserByEmail(email);
        const ok = user ? await verifyPassword(user.passwordHash, password) : (await burnPasswordCheck(password), false);
        if (!user || !ok) {
          await recordSignInFailure(
            [
              { key: accountKey, limits: ACCOUNT_LIMITS },
              { key: ipKey, limits: IP_LIMITS },
            ],
            at,
          );
          throw new InvalidCredentials();
        }
        await clearSignInFailures(accountKey);
        // Real time, like the token's own expiry (the test clock only moves study days).
        const sessionId = await createSession(user.id, userAgentSummary(request?.headers.get('user-agent')), Date.now());
        return { id: String(user.id), email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion, sessionId };
      },
    }),
  ],
  events: {
    // Any sign-out through Auth.js (its own /api/auth/signout too) ends the server-side session.
    async signOut(message) {
      const sid = 'token' in message ? message.token?.sid : undefined;
      if (typeof sid === 'string') await deleteSession(sid);
    },
  },
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.role = user.role;
        token.sv = user.sessionVersion;
        token.sid = user.sessionId;
        return token;
      }
      const row = await openSession(token.sid, Date.now());
      // Ended session, deleted user or revoked version: returning null clears the cookie.
      if (!row || row.userId !== token.uid || row.sessionVersion !== token.sv) return null;
      token.role = row.role;
      token.name = row.name;
      token.email = row.email;
      return token;
    },
    session({ session, token }) {
      session.user.id = String(token.uid);
      session.user.role = token.role;
      // The version this token was checked against, so app/_lib/session.ts can re-check it cheaply.
      session.sv = token.sv;
      session.sid = token.sid;
      return session;
    },
  },
});
