import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { AcceptInvitationForm, InvitedSignUpForm } from '@/components/auth/invitation-forms';
import { SignOutButton } from '@/components/sign-out-button';
import { currentUser } from '@/app/_lib/session';
import { invitationByToken, invitationRefusalMessage } from '@/db/queries/invitation-accept';
import { invitationTokenField } from '@/lib/validation/invitations';
import { now } from '@/lib/clock';
import { acceptInvitationAction, signUpWithInvitationAction } from '../invite-actions';
import { signOutAction } from '@/app/(auth)/actions';

// The token is in this page's address: never send it on to another site.
export const metadata: Metadata = { title: 'Class invitation', referrer: 'no-referrer' };

/**
 * An invitation link. Looking at it changes nothing: accepting is a button (or the sign-up form).
 * Signed out: sign in if the invited address has an account, else create one. Signed in: accept,
 * but only with the account the invitation is for.
 */
export default async function InvitationPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  await connection();
  const parsed = invitationTokenField.safeParse((await searchParams).token);
  const found = parsed.success ? await invitationByToken(parsed.data, now()) : ({ ok: false, reason: 'unknown' } as const);
  if (!parsed.success || !found.ok) {
    return (
      <div className="card">
        <h1>Class invitation</h1>
        <p className="alert" role="alert" data-testid="invitation-error">
          {invitationRefusalMessage(found.ok ? 'unknown' : found.reason)}
        </p>
        <p className="auth-foot small">
          <Link href="/signin">Sign in</Link>
        </p>
      </div>
    );
  }
  const token = parsed.data;
  const { invitation } = found;
  const user = await currentUser();
  const here = `/invite?token=${token}`;
  return (
    <div className="card">
      <h1 style={{ overflowWrap: 'anywhere' }}>Join {invitation.className}</h1>
      <p className="muted">
        {invitation.instructorName} invites <strong style={{ overflowWrap: 'anywhere' }}>{invitation.email}</strong> to this class. Your instructor
        will see your name, email and your progress on the decks they assign.
      </p>
      {user && user.id === invitation.instructorId ? (
        <p className="alert" role="alert" data-testid="invitation-error">{invitationRefusalMessage('own-class')}</p>
      ) : user && user.email !== invitation.email ? (
        <>
          <p className="alert" role="alert" data-testid="invitation-error">
            You are signed in as {user.email}. {invitationRefusalMessage('other-account', invitation.email)}
          </p>
          <SignOutButton signOut={signOutAction} className="btn" />
        </>
      ) : user ? (
        <AcceptInvitationForm token={token} action={acceptInvitationAction} className={invitation.className} />
      ) : invitation.hasAccount ? (
        <Link className="btn btn-primary btn-block" href={`/signin?callbackUrl=${encodeURIComponent(here)}`} data-testid="invitation-sign-in">
          Sign in to accept
        </Link>
      ) : (
        <>
          <h2 style={{ fontSize: '1.1rem' }}>Create your account</h2>
          <InvitedSignUpForm token={token} email={invitation.email} name={invitation.name} action={signUpWithInvitationAction} />
          <p className="auth-foot small">
            Already have an account with this address? <Link href={`/signin?callbackUrl=${encodeURIComponent(here)}`}>Sign in</Link>
          </p>
        </>
      )}
    </div>
  );
}
