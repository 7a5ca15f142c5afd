/**
 * Sign-out that also forgets this user's pages kept for offline use. A Server Component: the form
 * posts the server action, and the root layout's ServiceWorker (on every page already) forgets the
 * cached pages when a form marked `data-forget-offline-pages` is submitted. No client code of its
 * own, so the root forbidden boundary, which Next.js ships with every page, adds none either.
 */
import { signOutAction } from '@/app/(auth)/actions';

export function SignOutButton({ className, label = 'Sign out' }: { className?: string; label?: string }) {
  return (
    <form action={signOutAction} data-forget-offline-pages="">
      <button type="submit" className={className} data-testid="sign-out">
        {label}
      </button>
    </form>
  );
}
