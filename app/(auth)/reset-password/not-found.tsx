import Link from 'next/link';

/** A reset link that is unknown, used or expired: say so, and offer a new one. */
export default function ResetLinkNotFound() {
  return (
    <div className="card" data-testid="reset-link-dead">
      <h1>This link no longer works</h1>
      <p className="muted">A reset link works once, for an hour, and only the newest one you asked for.</p>
      <p>
        <Link className="btn btn-primary btn-block" href="/forgot-password">
          Ask for a new link
        </Link>
      </p>
      <p className="auth-foot small">
        <Link href="/signin">Back to sign in</Link>
      </p>
    </div>
  );
}
