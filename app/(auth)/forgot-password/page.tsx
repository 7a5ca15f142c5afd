import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { ForgotPasswordForm } from '@/components/auth/forgot-password-form';
import { requestPasswordResetAction } from '@/app/(auth)/reset-actions';

export const metadata: Metadata = { title: 'Forgot password' };

export default async function ForgotPasswordPage({ searchParams }: { searchParams: Promise<{ expired?: string | string[] }> }) {
  await connection();
  const query = await searchParams;
  return (
    <div className="card">
      <h1>Forgot your password?</h1>
      <p className="muted">Enter the email you sign in with. We will send you a link to choose a new password.</p>
      <ForgotPasswordForm requestReset={requestPasswordResetAction} linkDead={query.expired === '1'} />
      <p className="auth-foot small">
        Remembered it? <Link href="/signin">Sign in</Link>
      </p>
    </div>
  );
}
