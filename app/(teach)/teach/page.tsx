import type { Metadata } from 'next';
import Link from 'next/link';
import { requireRole } from '@/db/queries/session';

export const metadata: Metadata = { title: 'Teach' };

export default async function TeachPage() {
  const user = await requireRole('instructor');
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Teaching</h1>
          <p className="muted" style={{ margin: 0 }}>
            Signed in as {user.name} (instructor)
          </p>
        </div>
        <Link className="btn" href="/teach/decks">
          Decks
        </Link>
      </div>
      <div className="card empty" data-testid="teach-empty">
        <h2>No classes yet</h2>
        <p className="muted">Classes, assignments with due dates and class analytics will live here.</p>
      </div>
    </>
  );
}
