import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { VerifyEmailForm } from '@/components/auth/verify-email-form';
import { VERIFY_LINK_DEAD } from '@/lib/auth/email-verification';
import { resetTokenField } from '@/lib/validation/auth';
import { verifyEmailAction } from '../verify-actions';

// The token is in this page's address: never send it on to another site.
export const metadata: Metadata = { title: 'Confirm your email', referrer: 'no-referrer' };

/**
 * A verification link (issue 17). Opening it changes nothing (mail scanners open links); the
 * button does. A link that is not even well formed says so at once.
 */
export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  await connection();
  const parsed = resetTokenField.safeParse((await searchParams).token);
  return (
    <div className="card">
      <h1>Confirm your email</h1>
      {parsed.success ? (
        <>
          <p className="muted">One click, and you can join your instructor&rsquo;s classes.</p>
          <VerifyEmailForm token={parsed.data} verify={verifyEmailAction} />
        </>
      ) : (
        <div className="alert" role="alert" data-testid="verify-link-dead">
          {VERIFY_LINK_DEAD}
        </div>
      )}
      <p className="auth-foot small">
        <Link href="/today">Go to Today</Link>
      </p>
    </div>
  );
}
