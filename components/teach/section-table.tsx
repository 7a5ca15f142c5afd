/** Predicted recall per assigned section, today and on the due date: the class's, or one student's. */
import { percent } from '@/lib/teach/format';
import type { SectionAnalytics } from '@/lib/teach/class-analytics';

function Bar({ value, label }: { value: number | null; label: string }) {
  return (
    <span style={{ display: 'grid', gap: 4, justifyItems: 'end' }}>
      {percent(value)}
      <span className="bar" role="img" aria-label={`${label}: ${percent(value)}`} style={{ width: 80 }}>
        <span style={{ width: `${Math.round((value ?? 0) * 100)}%` }} />
      </span>
    </span>
  );
}

export function SectionTable({ rows, caption = 'Predicted class recall per section' }: { rows: SectionAnalytics[]; caption?: string }) {
  return (
    <table className="data-table" data-testid="section-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Section</th>
          <th scope="col" className="num">Items</th>
          <th scope="col" className="num">Recall today</th>
          <th scope="col" className="num">Recall at due</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((s) => (
          <tr key={s.key}>
            <td className="cell-main" data-label="Section">{s.title}</td>
            <td className="num" data-label="Items">{s.items}</td>
            <td className="num" data-label="Recall today"><Bar value={s.recallNow} label="Recall today" /></td>
            <td className="num" data-label="Recall at due"><Bar value={s.recallAtDue} label="Recall at due" /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
