/**
 * How many students of the assignment are late, behind, on track and done, above the student
 * table: with a class of 200 the table shows 50 rows, so the instructor sees at once who needs a
 * nudge, and one link sorts the table with those students first.
 */
import type { AssignmentStatus } from '@/lib/teach/progress';
import type { StudentAnalytics } from '@/lib/teach/class-analytics';
import { StatusBadge } from './status-badge';

const ORDER: AssignmentStatus[] = ['late', 'behind', 'on-track', 'done'];

export function StatusSummary({ rows, query }: { rows: StudentAnalytics[]; query: Record<string, string> }) {
  if (rows.length === 0) return null;
  const counts = new Map<AssignmentStatus, number>();
  for (const r of rows) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const needHelp = (counts.get('late') ?? 0) + (counts.get('behind') ?? 0);
  const sortHref = `?${new URLSearchParams({ ...query, sort: 'status', dir: 'asc' }).toString()}#students`;
  return (
    <div className="status-summary" data-testid="status-summary">
      <ul aria-label="Students by status">
        {ORDER.filter((s) => counts.has(s)).map((s) => (
          <li key={s} data-testid={`status-count-${s}`}>
            <StatusBadge status={s} /> <strong>{counts.get(s)}</strong>
          </li>
        ))}
      </ul>
      {needHelp > 0 && !(query.sort === 'status' && query.dir !== 'desc') && (
        <a href={sortHref} className="small" data-testid="show-behind-first">
          Show late and behind first
        </a>
      )}
    </div>
  );
}
