/**
 * Sign-out that also forgets this user's pages kept for offline use. A Server Component: the form
 * posts the server action, and the root layout's ServiceWorker (on every page already) forgets the
 * cached pages when a form marked `data-forget-offline-pages` is submitted. No client code of its
 * own, so the root forbidden boundary, which Next.js ships with every page, adds none either.
 * The action comes from the caller (app/), as components/ may not import it.
 */
export function SignOutButton({ signOut, className, label = 'Sign out' }: { signOut: () => Promise<void>; className?: string; label?: string }) {
  return (
    <form action={signOut} data-forget-offline-pages="">
      <button type="submit" className={className} data-testid="sign-out">
        {label}
      </button>
    </form>
  );
}
