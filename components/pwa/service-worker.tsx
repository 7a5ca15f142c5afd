'use client';
/**
 * Registers the service worker (production builds only) and asks it to keep the page being
 * shown, so the first page a student opens is already available offline. A few lines of our own
 * instead of @serwist/window keep the phone's JavaScript small; the worker itself is Serwist.
 * Also forgets the cached pages when a sign-out form (`data-forget-offline-pages`, see
 * components/sign-out-button.tsx) is submitted: one listener here instead of a client component
 * per sign-out button.
 */
import { useEffect } from 'react';

/** Page caches hold a signed-in user's pages: forget them on sign-out (a shared phone, a lab computer). */
async function forgetCachedPages(): Promise<void> {
  if (!('caches' in window)) return;
  const names = await caches.keys();
  await Promise.all(names.filter((n) => n.startsWith('pages') || n === 'others' || n === 'apis').map((n) => caches.delete(n)));
}

function forgetOnSignOut(event: SubmitEvent) {
  if (event.target instanceof HTMLFormElement && event.target.hasAttribute('data-forget-offline-pages')) void forgetCachedPages();
}

export function ServiceWorker() {
  useEffect(() => {
    document.addEventListener('submit', forgetOnSignOut, true);
    return () => document.removeEventListener('submit', forgetOnSignOut, true);
  }, []);
  useEffect(() => {
    if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return;
    void navigator.serviceWorker
      .register('/serwist/sw.js', { scope: '/' })
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => registration.active?.postMessage({ type: 'CACHE_URLS', payload: { urlsToCache: [window.location.pathname] } }))
      .catch(() => undefined);
  }, []);
  return null;
}
