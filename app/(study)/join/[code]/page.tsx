import type { Metadata } from 'next';
import Link from 'next/link';
import { JoinConfirmForm } from '@/components/join/join-forms';
import { joinClassAction } from '@/app/(study)/join/actions';
import { ResendVerification } from '@/components/settings/email-status';
import { resendVerificationAction } from '../../settings/account-actions';
import { joinErrorMessage, lookupJoinCode } from '@/db/queries/join';
import { requireUser } from '@/app/_lib/session';
import { now } from '@/lib/clock';

export const metadata: Metadata = { title: 'Join a class' };

/**
 * A join link. Looking the code up counts as an attempt (a wrong code is a guess), so this page
 * is as throttled as the form; signed-out visitors are sent to sign in and back by the proxy.
 */
export default async function JoinCodePage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<{ joined?: string }> }) {
  const user = await requireUser();
  const code = (await params).code.slice(0, 300);
  const justJoined = (await searchParams).joined === '1';
  const found = await lookupJoinCode(user.id, code, now());
  return (
    <div className="stack" style={{ maxWidth: 520 }}>
      <h1>Join a class</h1>
      <section className="card stack" data-testid="join-card">
        {!found.ok ? (
          <>
            <div className="alert" role="alert" data-testid="join-error">
              {joinErrorMessage(found)}
            </div>
            {found.reason === 'unverified' ? (
              <ResendVerification resend={resendVerificationAction} />
            ) : (
              <Link className="btn" href="/join">
                Enter a code
              </Link>
            )}
          </>
        ) : found.class.alreadyEnrolled ? (
          <>
            <p className="alert alert-ok" role="status" data-testid="join-done" style={{ margin: 0 }}>
              {justJoined ? 'You joined' : 'You are already in'} {found.class.name}, taught by {found.class.instructorName}.
            </p>
            <Link className="btn btn-primary" href="/today">
              See your assignments on Today
            </Link>
          </>
        ) : (
          <>
            <h2 style={{ margin: 0, overflowWrap: 'anywhere' }} data-testid="join-question">
              Join {found.class.name} taught by {found.class.instructorName}?
            </h2>
            <p className="muted" style={{ margin: 0 }}>
              Your instructor will see your name, email and your progress on the decks they assign to this class.
            </p>
            <div className="row">
              <JoinConfirmForm code={found.class.joinCode} joinClass={joinClassAction} />
              <Link className="btn" href="/today">
                Cancel
              </Link>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
