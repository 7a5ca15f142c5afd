/**
 * Session tokens that Auth.js verified recently, by their exact cookie value. Decoding an Auth.js
 * token (key derivation, decryption, then re-encoding) costs about as much as a whole trivial request,
 * and the review screen sends a grade every few seconds with the same cookie. A hit skips only the
 * cryptography: the caller still looks the session up in the database on every request, so a
 * sign-out, password change or "sign out everywhere" takes effect at once. Entries live at most a minute.
 */
import 'server-only';

export const VERIFIED_TOKEN_TTL_MS = 60_000;
const MAX_ENTRIES = 5_000;

export interface VerifiedToken {
  userId: number;
  sessionVersion: number;
  /** The server-side session the token carries. */
  sessionId: string;
  /** Epoch ms after which the token must be verified by Auth.js again. */
  until: number;
}

const verified = new Map<string, VerifiedToken>();

export function recallVerifiedToken(token: string, nowMs: number): VerifiedToken | undefined {
  const hit = verified.get(token);
  if (hit && hit.until > nowMs) return hit;
  if (hit) verified.delete(token);
  return undefined;
}

/** Remembers a token Auth.js has just accepted, no longer than its own expiry. */
export function rememberVerifiedToken(token: string, entry: Omit<VerifiedToken, 'until'>, nowMs: number, expiresMs: number): void {
  if (verified.size >= MAX_ENTRIES) verified.delete(verified.keys().next().value as string);
  verified.set(token, { ...entry, until: Math.min(nowMs + VERIFIED_TOKEN_TTL_MS, expiresMs) });
}

export function forgetVerifiedToken(token: string): void {
  verified.delete(token);
}
