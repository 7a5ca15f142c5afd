/** The class roster: who joined when, with a confirmed "remove" per student. */
import type { RosterEntry } from '@/db/queries/classes';
import { formatShortDate } from '@/lib/time/zoned';
import { ConfirmAction, type ConfirmableAction } from './confirm-action';

export function RosterTable({ classId, roster, timeZone, removeStudent }: { classId: number; roster: RosterEntry[]; timeZone: string; removeStudent: ConfirmableAction }) {
  if (roster.length === 0) return <p className="muted" data-testid="roster-empty">Nobody has joined yet.</p>;
  return (
    <table className="data-table" data-testid="roster">
      <caption className="visually-hidden">Students in this class</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Email</th>
          <th scope="col">Joined</th>
          <th scope="col"><span className="visually-hidden">Actions</span></th>
        </tr>
      </thead>
      <tbody>
        {roster.map((s) => (
          <tr key={s.userId} data-testid={`roster-row-${s.userId}`}>
            <td className="cell-main" data-label="Name">{s.name}</td>
            <td data-label="Email" style={{ overflowWrap: 'anywhere' }}>{s.email}</td>
            <td className="nowrap" data-label="Joined">{formatShortDate(s.joinedAt, timeZone)}</td>
            <td data-label="">
              <ConfirmAction
                action={removeStudent}
                fields={{ classId, userId: s.userId }}
                label="Remove"
                question={`Remove ${s.name} from this class? Their own study history stays with them.`}
                confirmLabel="Yes, remove"
                danger
                testId={`remove-${s.userId}`}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
