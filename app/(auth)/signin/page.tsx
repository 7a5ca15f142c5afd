import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { signInAction } from '@/app/(auth)/actions';
import { currentUser } from '@/app/_lib/session';
import { safeCallbackPath } from '@/lib/validation/callback-path';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[]; signedOut?: string | string[]; reset?: string | string[]; deleted?: string | string[] }> }) {
  const query = await searchParams;
  const raw = query.callbackUrl;
  const callbackUrl = safeCallbackPath(raw);
  if (await currentUser()) redirect(callbackUrl);
  return (
    <div className="card">
      {query.deleted === '1' && (
        <p className="alert alert-ok" role="status" data-testid="account-deleted">
          Your account and everything in it have been deleted, and every device was signed out.
        </p>
      )}
      {query.signedOut === '1' && query.deleted !== '1' && (
        <p className="alert alert-ok" role="status" data-testid="signed-out">
          You have signed out. Pages kept for offline use on this device were forgotten.
        </p>
      )}
      {query.reset === '1' && (
        <p className="alert alert-ok" role="status" data-testid="password-reset-done">
          Your new password is set and every device was signed out. Sign in with it.
        </p>
      )}
      <h1>Welcome back</h1>
      <p className="muted">Sign in to pick up today&apos;s reviews.</p>
      <SignInForm signIn={signInAction} callbackUrl={callbackUrl} />
      <p className="small">
        <Link href="/forgot-password">Forgot password?</Link>
      </p>
      <p className="auth-foot small">
        New here? <Link href={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Create an account</Link>
      </p>
    </div>
  );
}

