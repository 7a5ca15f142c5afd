import Link from 'next/link';
import { connection } from 'next/server';

// Rendered per request, not prerendered: a prerendered page cannot carry the CSP nonce (proxy.ts).
export default async function NotFound() {
  await connection();
  return (
    <main className="auth-wrap">
      <div className="card empty auth-card">
        <p className="badge">404</p>
        <h1>Page not found</h1>
        <p className="muted">The page you asked for does not exist or has moved.</p>
        <Link className="btn btn-primary" href="/today">
          Go to Today
        </Link>
      </div>
    </main>
  );
}
