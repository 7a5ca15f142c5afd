import Link from 'next/link';
import { signOutAction } from '@/app/(auth)/actions';

export default function Forbidden() {
  return (
    <main className="auth-wrap">
      <div className="card empty auth-card" data-testid="forbidden">
        <p className="badge">403</p>
        <h1>Not for this account</h1>
        <p className="muted">This area is for instructors. If you teach a class, ask an administrator to give your account the instructor role.</p>
        <div className="row" style={{ justifyContent: 'center' }}>
          <Link className="btn btn-primary" href="/today">
            Back to Today
          </Link>
          <form action={signOutAction}>
            <button type="submit" className="btn" data-testid="sign-out">
              Use another account
            </button>
          </form>
        </div>
      </div>
    </main>
  );
}
