import { connection } from 'next/server';

// Rendered per request, not prerendered: a prerendered page cannot carry the CSP nonce (proxy.ts).
// A plain <a>, not next/link: root boundaries ship their client code with every page (see app/error.tsx).
export default async function NotFound() {
  await connection();
  return (
    <main className="auth-wrap">
      <div className="card empty auth-card">
        <p className="badge">404</p>
        <h1>Page not found</h1>
        <p className="muted">The page you asked for does not exist or has moved.</p>
        <a className="btn btn-primary" href="/today">
          Go to Today
        </a>
      </div>
    </main>
  );
}
