import type { Metadata } from 'next';
import Link from 'next/link';
import '@/components/teach/teach.css';
import { CreateClassForm } from '@/components/teach/create-class-form';
import { createClassAction } from '@/app/(teach)/teach/actions';
import { classesForInstructor, type ClassSummary } from '@/db/queries/classes';
import { requireRole } from '@/app/_lib/session';
import { studySettingsFor } from '@/db/queries/settings';
import { formatJoinCode } from '@/lib/teach/join-code';
import { timeZoneOptions } from '@/lib/time/zoned';
import { plural } from '@/lib/text/plural';

export const metadata: Metadata = { title: 'Teach' };

function ClassCard({ c, viewerId }: { c: ClassSummary; viewerId: number }) {
  return (
    <li className="card" data-testid={`class-${c.id}`}>
      <Link className="class-link" href={`/teach/classes/${c.id}`}>
        <h3>{c.name}</h3>
        <span className="row small" style={{ gap: '0.4rem' }}>
          <span className="badge">{plural(c.students, 'student')}</span>
          <span className="badge">{plural(c.assignments, 'assignment')}</span>
          {c.ownerId !== viewerId && <span className="badge">Co-teaching</span>}
          {c.archivedAt !== null && <span className="badge badge-warn">Archived</span>}
        </span>
        <span className="small muted">
          Code {formatJoinCode(c.joinCode)} · {c.timeZone.replaceAll('_', ' ')}
        </span>
      </Link>
    </li>
  );
}

export default async function TeachPage() {
  const user = await requireRole('instructor');
  const classes = await classesForInstructor(user.id);
  const active = classes.filter((c) => c.archivedAt === null);
  const archived = classes.filter((c) => c.archivedAt !== null);
  const timeZone = (await studySettingsFor(user.id)).timeZone;
  return (
    <div className="stack">
      <div className="page-head" style={{ marginBottom: 0 }}>
        <div>
          <h1>Teaching</h1>
          <p className="muted" style={{ margin: 0 }}>
            Your classes, their assignments and how they are doing.
          </p>
        </div>
        <Link className="btn" href="/teach/decks">
          Decks
        </Link>
      </div>
      <section className="teach-section" aria-labelledby="classes-heading">
        <h2 id="classes-heading">Classes</h2>
        {active.length === 0 ? (
          <div className="card empty" data-testid="teach-empty">
            <h3>No classes yet</h3>
            <p className="muted" style={{ margin: 0 }}>
              Create one below; students join it with its code.
            </p>
          </div>
        ) : (
          <ul className="class-list" data-testid="class-list">
            {active.map((c) => (
              <ClassCard key={c.id} c={c} viewerId={user.id} />
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="new-class-heading" style={{ maxWidth: 560 }}>
        <h2 id="new-class-heading">New class</h2>
        <CreateClassForm timeZones={timeZoneOptions(timeZone)} defaultTimeZone={timeZone} createClass={createClassAction} />
      </section>
      {archived.length > 0 && (
        <section className="teach-section" aria-labelledby="archived-heading">
          <h2 id="archived-heading">Archived</h2>
          <ul className="class-list">
            {archived.map((c) => (
              <ClassCard key={c.id} c={c} viewerId={user.id} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
