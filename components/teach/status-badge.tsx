/** An assignment status as a coloured badge with its word (colour is never the only signal). */
import { STATUS_LABEL, type AssignmentStatus } from '@/lib/teach/progress';

const TONE: Record<AssignmentStatus, string> = { done: 'badge-good', 'on-track': 'badge-accent', behind: 'badge-warn', late: 'badge-bad' };

export function StatusBadge({ status }: { status: AssignmentStatus }) {
  return (
    <span className={`badge ${TONE[status]}`} data-status={status}>
      {STATUS_LABEL[status]}
    </span>
  );
}
