import { SignOutButton } from '@/components/sign-out-button';
import { signOutAction } from '@/app/(auth)/actions';

// A plain <a>, not next/link: root boundaries ship their client code with every page (see app/error.tsx).
export default function Forbidden() {
  return (
    <main className="auth-wrap">
      <div className="card empty auth-card" data-testid="forbidden">
        <p className="badge">403</p>
        <h1>Not for this account</h1>
        <p className="muted">This area is for instructors. If you teach a class, ask an administrator to give your account the instructor role.</p>
        <div className="row" style={{ justifyContent: 'center' }}>
          <a className="btn btn-primary" href="/today">
            Back to Today
          </a>
          <SignOutButton signOut={signOutAction} className="btn" label="Use another account" />
        </div>
      </div>
    </main>
  );
}
