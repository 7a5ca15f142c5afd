'use client';
/** Sign-out that also forgets this user's pages kept for offline use. */
import { signOutAction } from '@/app/(auth)/actions';
import { forgetCachedPages } from '@/components/pwa/service-worker';

export function SignOutButton({ className, label = 'Sign out' }: { className?: string; label?: string }) {
  return (
    <form action={signOutAction} onSubmit={() => void forgetCachedPages()}>
      <button type="submit" className={className} data-testid="sign-out">
        {label}
      </button>
    </form>
  );
}
