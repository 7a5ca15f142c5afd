import type { Metadata } from 'next';
import { JoinCodeForm } from '@/components/join/join-forms';
import { findClassAction } from '@/app/(study)/join/actions';
import { joinErrorMessage, joinLockRemaining } from '@/db/queries/join';
import { requireUser } from '@/app/_lib/session';
import { now } from '@/lib/clock';

export const metadata: Metadata = { title: 'Join a class' };

export default async function JoinPage() {
  const user = await requireUser();
  const locked = await joinLockRemaining(user.id, now());
  return (
    <div className="stack" style={{ maxWidth: 520 }}>
      <div className="page-head" style={{ marginBottom: 0 }}>
        <div>
          <h1>Join a class</h1>
          <p className="muted" style={{ margin: 0 }}>
            Your instructor gives you a code or a link. Your assignments then show on Today.
          </p>
        </div>
      </div>
      <section className="card">
        {locked > 0 ? (
          <div className="alert" role="alert" data-testid="join-locked">
            {joinErrorMessage({ ok: false, reason: 'locked', retryInMs: locked })}
          </div>
        ) : (
          <JoinCodeForm findClass={findClassAction} />
        )}
      </section>
    </div>
  );
}
