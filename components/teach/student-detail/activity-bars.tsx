/**
 * Reviews per day over the last weeks as a row of bars (taller for busier days), with each day's
 * count in words for screen readers and on hover; the total and the active days say it in text.
 */
import type { DayReviews } from '@/lib/teach/activity-days';
import { plural } from '@/lib/text/plural';

function dayLabel(day: string): string {
  // The day key is already the class's calendar date: format it as that date, in UTC.
  return new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'short', month: 'short', day: 'numeric' }).format(new Date(`${day}T00:00:00Z`));
}

export function ActivityBars({ days }: { days: DayReviews[] }) {
  const max = Math.max(1, ...days.map((d) => d.reviews));
  const total = days.reduce((sum, d) => sum + d.reviews, 0);
  const active = days.filter((d) => d.reviews > 0).length;
  return (
    <figure className="activity-bars" data-testid="activity-bars">
      <ol className="activity-bars-row">
        {days.map((d) => {
          const text = `${dayLabel(d.day)}: ${plural(d.reviews, 'review')}`;
          return (
            <li key={d.day} title={text} data-reviews={d.reviews}>
              <span className="activity-bar" aria-hidden="true" style={{ height: `${Math.round((d.reviews / max) * 100)}%` }} />
              <span className="visually-hidden">{text}</span>
            </li>
          );
        })}
      </ol>
      <figcaption className="small muted" data-testid="activity-summary">
        {plural(total, 'review')} on {plural(active, 'day')} of the last {days.length}
        {days[0] && days.at(-1) ? ` (${dayLabel(days[0].day)} to ${dayLabel(days.at(-1)!.day)})` : ''}.
      </figcaption>
    </figure>
  );
}
