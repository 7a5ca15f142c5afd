/**
 * Class invitation tokens: the same kind of secret as a password-reset link's (32 random bytes in
 * the link, only their SHA-256 stored, the same shape checked before any lookup), valid for 14 days.
 */
import { randomBytes } from 'node:crypto';
import { hashResetToken, newResetToken, RESET_TOKEN_PATTERN } from './reset-token';

export const INVITATION_TTL_DAYS = 14;
export const INVITATION_TTL_MS = INVITATION_TTL_DAYS * 24 * 60 * 60_000;
export const INVITATION_TOKEN_PATTERN = RESET_TOKEN_PATTERN;

export const hashInvitationToken = hashResetToken;

export interface NewInvitationToken {
  token: string;
  tokenHash: string;
  createdAt: number;
  expiresAt: number;
}

export function newInvitationToken(now: number, random: (n: number) => Buffer = randomBytes): NewInvitationToken {
  const { token, tokenHash } = newResetToken(now, random);
  return { token, tokenHash, createdAt: now, expiresAt: now + INVITATION_TTL_MS };
}
