'use client';
/**
 * Shown when a page fails on the server: a way forward, never a stack trace.
 * A plain <a>, not next/link: this boundary ships with every page, and next/link would add
 * ~3 KB gzip to pages that otherwise don't use it (the review screen). A full load after an error is fine.
 */

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="auth-wrap">
      <div className="card empty auth-card" role="alert">
        <h1>Something went wrong</h1>
        <p className="muted">Your reviews are safe. Try again, or go back to Today.</p>
        {error.digest && <p className="small muted">Reference: {error.digest}</p>}
        <div className="row" style={{ justifyContent: 'center' }}>
          <button className="btn btn-primary" onClick={reset}>
            Try again
          </button>
          <a className="btn" href="/today">
            Today
          </a>
        </div>
      </div>
    </main>
  );
}
