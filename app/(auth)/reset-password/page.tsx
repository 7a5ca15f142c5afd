import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { ResetPasswordForm } from '@/components/auth/reset-password-form';
import { resetPasswordAction } from '@/app/(auth)/reset-actions';
import { isResetTokenUsable } from '@/db/queries/password-reset';
import { resetTokenField } from '@/lib/validation/auth';
import { now } from '@/lib/clock';

// The token is in this page's address: never send it on to another site.
export const metadata: Metadata = { title: 'Choose a new password', referrer: 'no-referrer' };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  await connection();
  const parsed = resetTokenField.safeParse((await searchParams).token);
  // An unknown, used or expired link: 404 with its own words (not-found.tsx beside this page).
  if (!parsed.success || !(await isResetTokenUsable(parsed.data, now().getTime()))) notFound();
  return (
    <div className="card">
      <h1>Choose a new password</h1>
      <p className="muted">Setting it signs you out on every device; then sign in with the new one.</p>
      <ResetPasswordForm resetPassword={resetPasswordAction} token={parsed.data} />
      <p className="auth-foot small">
        <Link href="/signin">Back to sign in</Link>
      </p>
    </div>
  );
}
