import Link from 'next/link';

/** Shown by the service worker when a page is needed that was never opened while online. */
export default function OfflinePage() {
  return (
    <main className="auth-wrap">
      <div className="card empty auth-card">
        <h1>You are offline</h1>
        <p className="muted">This page has not been saved on this device yet. Reviews you already opened keep working offline, and your grades sync when you are back online.</p>
        <Link className="btn btn-primary" href="/today">
          Go to Today
        </Link>
      </div>
    </main>
  );
}
