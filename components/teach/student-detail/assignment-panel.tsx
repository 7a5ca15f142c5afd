/**
 * One assignment for one student: the figures of their row on the class dashboard (same numbers,
 * same formatting), the goals met, memory per section, what they keep forgetting, and their quizzes.
 */
import type { StudentAssignmentDetail } from '@/db/queries/student-detail';
import { assignmentLabel, goalsText, percent } from '@/lib/teach/format';
import { formatDueDate, formatShortDate } from '@/lib/time/zoned';
import { GoalTicks } from '../goal-ticks';
import { SectionTable } from '../section-table';
import { StatusBadge } from '../status-badge';
import { AttemptList } from './attempt-list';
import { ForgottenList } from './forgotten-list';

export function AssignmentPanel({ detail, timeZone }: { detail: StudentAssignmentDetail; timeZone: string }) {
  const { assignment: a, progress: p } = detail;
  const figures: [string, string, string][] = [
    ['Studied', `${p.studied} / ${p.assigned}`, 'studied'],
    ['Best quiz', `${percent(p.bestQuiz)}${a.goalQuizScore === null ? '' : ` (goal ${a.goalQuizScore} %)`}`, 'quiz'],
    ['Recall at due', `${percent(p.recallAtDue)}${a.goalRecall === null ? '' : ` (goal ${Math.round(a.goalRecall * 100)} %)`}`, 'recall'],
    ['Reviews 7 d', String(p.reviews7d), 'reviews'],
    ['Retention 30 d', percent(p.retention30), 'retention'],
    ['Last active', p.lastActive === null ? 'Never' : formatShortDate(p.lastActive, timeZone), 'active'],
  ];
  const headingId = `assignment-${a.id}-heading`;
  return (
    <section className="card teach-section" aria-labelledby={headingId} data-testid={`student-assignment-${a.id}`}>
      <div className="section-head">
        <h2 id={headingId} style={{ margin: 0, overflowWrap: 'anywhere' }}>
          {assignmentLabel(a)}
        </h2>
        <span data-testid="detail-status">
          <StatusBadge status={p.status} />
        </span>
      </div>
      <p className="small muted" style={{ margin: 0 }}>
        Due {formatDueDate(a.dueAt, timeZone)} · {goalsText(a)}
      </p>
      <dl className="figures">
        {figures.map(([label, value, key]) => (
          <div key={key}>
            <dt>{label}</dt>
            <dd data-testid={`detail-${key}`}>{value}</dd>
          </div>
        ))}
      </dl>
      <p style={{ margin: 0 }}>
        <span className="small muted">Goals met: </span>
        <GoalTicks met={p.goalsMet} goals={a} />
      </p>
      <h3>Memory per section</h3>
      <p className="small muted" style={{ margin: 0 }}>
        Their predicted recall of each section’s items; items not studied yet count as 0.
      </p>
      <SectionTable rows={detail.sections} caption="This student’s predicted recall per section" />
      <h3>Items they keep forgetting</h3>
      <ForgottenList items={detail.forgotten} />
      <h3>Quizzes</h3>
      <p className="small muted" style={{ margin: 0 }}>
        Only finished attempts of the assignment’s quiz count toward its goal; practice quizzes on the deck are shown too.
      </p>
      <AttemptList attempts={detail.attempts} timeZone={timeZone} />
    </section>
  );
}
