/**
 * The account part of Settings (issue 17): whether the email is confirmed, "Take my data" and
 * "Delete my account". A server component: it reads the user's state and hands the actions down.
 */
import { DeleteAccountForm } from '@/components/settings/delete-account-form';
import { ResendVerification } from '@/components/settings/email-status';
import { deletionBlockersOf } from '@/db/queries/account-deletion';
import { verificationStateOf } from '@/db/queries/email-verification';
import { describeBlockers } from '@/lib/auth/account-deletion';
import { emailVerificationRequired } from '@/lib/auth/email-verification';
import { deleteAccountAction, resendVerificationAction } from './account-actions';

export async function AccountSections({ userId }: { userId: number }) {
  const verification = await verificationStateOf(userId);
  const blockers = describeBlockers(await deletionBlockersOf(userId));
  return (
    <>
      {verification && !verification.verified && (
        <section className="card" aria-labelledby="email-heading" style={{ maxWidth: 640 }}>
          <h2 id="email-heading">Email address</h2>
          <p className="small" data-testid="email-unverified">
            {verification.email} is not confirmed yet.{' '}
            {emailVerificationRequired() ? 'You can study, but you need to confirm it before you join a class.' : 'Confirming it proves the address is yours.'}
          </p>
          <ResendVerification resend={resendVerificationAction} />
        </section>
      )}
      <section className="card" aria-labelledby="data-heading" style={{ maxWidth: 640 }}>
        <h2 id="data-heading">Your data</h2>
        <p className="muted small">One zip file with everything Recall keeps about you:</p>
        <ul className="small data-export-contents">
          <li>your profile, settings and the classes you joined;</li>
          <li>every review and quiz answer (as JSON, and your review history as CSV);</li>
          <li>the decks you wrote, in the format Recall imports.</li>
        </ul>
        <a className="btn" href="/settings/data-export" download data-testid="data-export-link">
          Download my data
        </a>
      </section>
      <section className="card" aria-labelledby="delete-heading" style={{ maxWidth: 640 }}>
        <h2 id="delete-heading">Delete my account</h2>
        <DeleteAccountForm blockers={blockers} deleteAccount={deleteAccountAction} />
      </section>
    </>
  );
}
