import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { signUpAction } from '@/app/(auth)/actions';
import { currentUser } from '@/app/_lib/session';
import { safeCallbackPath } from '@/lib/validation/callback-path';

export const metadata: Metadata = { title: 'Create an account' };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const raw = (await searchParams).callbackUrl;
  const callbackUrl = safeCallbackPath(raw);
  if (await currentUser()) redirect(callbackUrl);
  return (
    <div className="card">
      <h1>Create your account</h1>
      <p className="muted">Study the reading a few minutes a day; we schedule the reviews.</p>
      <SignUpForm signUp={signUpAction} callbackUrl={callbackUrl} />
      <p className="auth-foot small">
        Already have an account? <Link href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Sign in</Link>
      </p>
    </div>
  );
}
