/**
 * Reviews per study day as a calendar heatmap: one column per week (Monday on top), darker for
 * busier days, like GitHub's. Server-rendered SVG at its natural size; on a narrow screen it
 * scrolls inside its own box while the weekday labels (HTML, outside the box) stay in view.
 * A table below gives the same numbers in text.
 */
import type { DayCount } from '@/lib/stats';
import { formatDay, formatMonth, formatShortDay, plural } from './format';

const CELL = 14;
const STEP = 17;
const TOP = 18;
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/**
 * Colour levels by quartiles of the days with reviews (as GitHub does), so one marathon day
 * does not wash every ordinary day out to the palest shade. 0 means no reviews.
 */
function levelScale(days: DayCount[]): (count: number) => number {
  const sorted = days.map((d) => d.count).filter((c) => c > 0).sort((a, b) => a - b);
  const quartile = (q: number) => sorted[Math.floor(q * (sorted.length - 1))] ?? 0;
  const bounds = [quartile(0.25), quartile(0.5), quartile(0.75)];
  return (count) => (count === 0 ? 0 : 1 + bounds.filter((b) => count > b).length);
}

function weeksOf(days: DayCount[]): DayCount[][] {
  const weeks: DayCount[][] = [];
  for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
  return weeks;
}

/** A month name over the first week of each month, skipping any too close to the next to fit. */
function monthLabels(weeks: DayCount[][]): { column: number; label: string }[] {
  const starts = weeks.flatMap((week, column) => {
    const month = week[0] && formatMonth(week[0].day);
    const before = weeks[column - 1]?.[0];
    return month && (!before || formatMonth(before.day) !== month) ? [{ column, label: month }] : [];
  });
  return starts.filter((s, i) => (starts[i + 1]?.column ?? weeks.length + 1) - s.column >= 3);
}

export function ActivityHeatmap({ days, todayKey }: { days: DayCount[]; todayKey: string }) {
  const weeks = weeksOf(days);
  const max = Math.max(0, ...days.map((d) => d.count));
  const level = levelScale(days);
  const total = days.reduce((sum, d) => sum + d.count, 0);
  const active = days.filter((d) => d.count > 0).length;
  const busiest = days.find((d) => d.count === max && max > 0);
  const width = weeks.length * STEP - (STEP - CELL);
  const height = TOP + 7 * STEP;
  const summary = `${plural(total, 'review')} on ${plural(active, 'day')} of the last ${weeks.length} weeks${
    busiest ? `; busiest day ${formatDay(busiest.day)} with ${plural(busiest.count, 'review')}` : ''
  }.`;

  return (
    <figure className="heatmap" aria-labelledby="heatmap-summary">
      <div className="heatmap-body">
        <div className="heatmap-days" aria-hidden="true" style={{ paddingTop: TOP }}>
          {WEEKDAYS.map((name, d) => (
            <span key={name} style={{ height: STEP }}>
              {d % 2 === 0 && d < 6 ? name : ''}
            </span>
          ))}
        </div>
        {/* Focusable, so a keyboard can scroll it on a narrow screen (arrow keys once focused). */}
        <div className="heatmap-scroll" tabIndex={0} role="group" aria-label="Activity heatmap, scrolls sideways">
          <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-labelledby="heatmap-summary" data-testid="heatmap">
            {monthLabels(weeks).map(({ column, label }) => (
              <text key={column} x={column * STEP} y={11} className="chart-label">
                {label}
              </text>
            ))}
            {weeks.flatMap((week, w) =>
              week.map((day, d) => (
                <rect
                  key={day.day}
                  x={w * STEP}
                  y={TOP + d * STEP}
                  width={CELL}
                  height={CELL}
                  rx={3}
                  className={`hm-l${level(day.count)}${day.day === todayKey ? ' hm-today' : ''}`}
                >
                  <title>{`${formatDay(day.day)}: ${plural(day.count, 'review')}`}</title>
                </rect>
              )),
            )}
          </svg>
        </div>
      </div>
      <figcaption className="heatmap-foot">
        <span id="heatmap-summary" className="small muted">
          {summary}
        </span>
        <span className="heatmap-legend small muted" aria-hidden="true">
          <span>Less</span>
          {[0, 1, 2, 3, 4].map((l) => (
            <svg key={l} width={12} height={12} viewBox="0 0 12 12">
              <rect width={12} height={12} rx={3} className={`hm-l${l}`} />
            </svg>
          ))}
          <span>More</span>
        </span>
      </figcaption>
      <details className="chart-table">
        <summary>Reviews per day as a table</summary>
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">Reviews per study day, one row per week, most recent week first</caption>
            <thead>
              <tr>
                <th scope="col">Week of</th>
                {WEEKDAYS.map((d) => (
                  <th key={d} scope="col">
                    {d}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...weeks].reverse().map((week) => (
                <tr key={week[0]?.day}>
                  <th scope="row">{week[0] ? formatShortDay(week[0].day) : ''}</th>
                  {WEEKDAYS.map((name, d) => (
                    <td key={name}>{week[d]?.count ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
