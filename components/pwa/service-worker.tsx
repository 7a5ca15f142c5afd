'use client';
/**
 * Registers the service worker (production builds only) and asks it to keep the page being
 * shown, so the first page a student opens is already available offline.
 */
import { SerwistProvider } from '@serwist/turbopack/react';
import { useEffect } from 'react';

function CacheCurrentPage() {
  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    void navigator.serviceWorker.ready.then((registration) => {
      registration.active?.postMessage({ type: 'CACHE_URLS', payload: { urlsToCache: [window.location.pathname] } });
    });
  }, []);
  return null;
}

export function ServiceWorker({ children }: { children: React.ReactNode }) {
  const disable = process.env.NODE_ENV !== 'production';
  return (
    <SerwistProvider swUrl="/serwist/sw.js" disable={disable} reloadOnOnline={false}>
      {!disable && <CacheCurrentPage />}
      {children}
    </SerwistProvider>
  );
}

/** Page caches hold a signed-in user's pages: forget them on sign-out (a shared phone, a lab computer). */
export async function forgetCachedPages(): Promise<void> {
  if (!('caches' in window)) return;
  const names = await caches.keys();
  await Promise.all(names.filter((n) => n.startsWith('pages') || n === 'others' || n === 'apis').map((n) => caches.delete(n)));
}
