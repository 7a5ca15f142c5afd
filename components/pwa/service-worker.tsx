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
import { justSignedOut } from '@/lib/auth/signed-out';

/** Page caches hold a signed-in user's pages: forget them on sign-out (a shared phone, a lab computer). */
async function forgetCachedPages(): Promise<void> {
  if (!('caches' in window)) return;
  const names = await caches.keys();
  await Promise.all(names.filter((n) => n.startsWith('pages') || n === 'others' || n === 'apis').map((n) => caches.delete(n)));
}

// A page the worker was still fetching to keep (CACHE_URLS, sent at page load) can land in the
// cache after the first deletion; signing out is a client-side navigation, so this timer survives it.
const FORGET_AGAIN_AFTER_MS = 2000;

function forgetTwice() {
  void forgetCachedPages();
  setTimeout(() => void forgetCachedPages(), FORGET_AGAIN_AFTER_MS);
}

function forgetOnSignOut(event: SubmitEvent) {
  if (event.target instanceof HTMLFormElement && event.target.hasAttribute('data-forget-offline-pages')) forgetTwice();
}

export function ServiceWorker() {
  useEffect(() => {
    // Signed out by a full page load (the form posted before this page was interactive): the
    // sign-in page it lands on says so in its URL.
    if (window.location.pathname === '/signin' && justSignedOut(window.location.search)) forgetTwice();
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
