'use client';
/**
 * Keeps a form's fields disabled until React has hydrated the page. Before that, text typed into
 * a controlled field is overwritten by hydration and a submit skips the server action (the forms
 * here run their action from onSubmit), so a slow phone would silently lose the author's work.
 */
import { useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

/** false on the server and during hydration, true once the page is interactive. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

export function HydrationGate({ children }: { children: React.ReactNode }) {
  const hydrated = useHydrated();
  return (
    <fieldset className="form-body" disabled={!hydrated}>
      {children}
    </fieldset>
  );
}
