/** Students removed from the class: they cannot rejoin with the code or link until let back in. */
import type { RemovedStudent } from '@/db/queries/classes';
import { formatShortDate } from '@/lib/time/zoned';
import { ConfirmAction, type ConfirmableAction } from './confirm-action';

export function RemovedStudents({ classId, removed, timeZone, letBackIn }: { classId: number; removed: RemovedStudent[]; timeZone: string; letBackIn: ConfirmableAction }) {
  if (removed.length === 0) return <p className="muted small" data-testid="removed-empty">Nobody has been removed.</p>;
  return (
    <table className="data-table" data-testid="removed-students">
      <caption className="visually-hidden">Students removed from this class</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Email</th>
          <th scope="col">Removed</th>
          <th scope="col"><span className="visually-hidden">Actions</span></th>
        </tr>
      </thead>
      <tbody>
        {removed.map((s) => (
          <tr key={s.userId}>
            <td className="cell-main" data-label="Name">{s.name}</td>
            <td data-label="Email" style={{ overflowWrap: 'anywhere' }}>{s.email}</td>
            <td className="nowrap" data-label="Removed">{formatShortDate(s.removedAt, timeZone)}</td>
            <td data-label="">
              <ConfirmAction
                action={letBackIn}
                fields={{ classId, userId: s.userId }}
                label="Let back in"
                question={`Let ${s.name} join again with the class code or link?`}
                confirmLabel="Yes, let back in"
                testId={`let-back-in-${s.userId}`}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
