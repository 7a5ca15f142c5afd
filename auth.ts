/**
 * Auth.js: email + password sign-in with JWT sessions that can be revoked.
 * Each token carries the user's session version; bumping it in the db (password change,
 * role change) makes every older token invalid on its next use.
 */
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { authConfig } from './auth.config';
import { clearSignInFailures, findUserByEmail, recordSignInFailure, sessionUser, throttleLockRemaining } from '@/db/queries/auth';
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

function clientIp(request: Request | undefined): string {
  const forwarded = request?.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || request?.headers.get('x-real-ip') || 'unknown';
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
        const ipKey = `ip:${clientIp(request)}`;
        const locked = throttleLockRemaining([accountKey, ipKey], at);
        if (locked > 0) throw new ThrottledSignIn(locked);

        const user = findUserByEmail(email);
        const ok = user ? await verifyPassword(user.passwordHash, password) : (await burnPasswordCheck(password), false);
        if (!user || !ok) {
          recordSignInFailure(
            [
              { key: accountKey, limits: ACCOUNT_LIMITS },
              { key: ipKey, limits: IP_LIMITS },
            ],
            at,
          );
          throw new InvalidCredentials();
        }
        clearSignInFailures(accountKey);
        return { id: String(user.id), email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.role = user.role;
        token.sv = user.sessionVersion;
        return token;
      }
      const row = typeof token.uid === 'number' ? sessionUser(token.uid) : undefined;
      // Deleted user or revoked session: returning null clears the cookie.
      if (!row || row.sessionVersion !== token.sv) return null;
      token.role = row.role;
      token.name = row.name;
      token.email = row.email;
      return token;
    },
    session({ session, token }) {
      session.user.id = String(token.uid);
      session.user.role = token.role;
      // The version this token was checked against, so db/queries/session.ts can re-check it cheaply.
      session.sv = token.sv;
      return session;
    },
  },
});
