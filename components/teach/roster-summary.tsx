/**
 * The roster on the class page: how many, who joined last, and the way to the full roster
 * (where students are removed). The full list lives on its own page so a class of 200 does not
 * make the class page a long scroll on a phone.
 */
import Link from 'next/link';
import type { RosterEntry } from '@/db/queries/classes';
import { formatShortDate } from '@/lib/time/zoned';

export const RECENT_SHOWN = 5;

export function RosterSummary({ classId, roster, timeZone }: { classId: number; roster: RosterEntry[]; timeZone: string }) {
  if (roster.length === 0) return <p className="muted" data-testid="roster-empty">Nobody has joined yet.</p>;
  const recent = [...roster].sort((a, b) => b.joinedAt - a.joinedAt || a.userId - b.userId).slice(0, RECENT_SHOWN);
  return (
    <div className="stack" style={{ gap: '0.5rem' }} data-testid="roster-summary">
      <p className="small muted" style={{ margin: 0 }}>
        {roster.length > recent.length ? 'Joined most recently' : 'Joined'}
      </p>
      <ul className="roster-recent">
        {recent.map((s) => (
          <li key={s.userId}>
            <span>{s.name}</span>
            <span className="small muted nowrap">{formatShortDate(s.joinedAt, timeZone)}</span>
          </li>
        ))}
      </ul>
      <p style={{ margin: 0 }}>
        <Link className="btn" href={`/teach/classes/${classId}/roster`} data-testid="roster-link">
          {roster.length > recent.length ? `All ${roster.length} students` : 'Manage roster'}
        </Link>
      </p>
    </div>
  );
}
