import type { Metadata } from 'next';
import { ChangePasswordForm } from '@/components/settings/change-password-form';
import { requireUser } from '@/db/queries/session';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ password?: string }> }) {
  const user = await requireUser();
  const { password } = await searchParams;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Settings</h1>
          <p className="muted" style={{ margin: 0 }}>
            {user.name} · {user.email}
          </p>
        </div>
      </div>
      <section className="card" aria-labelledby="password-heading" style={{ maxWidth: 520 }}>
        <h2 id="password-heading">Password</h2>
        <ChangePasswordForm changed={password === 'changed'} />
      </section>
    </>
  );
}
