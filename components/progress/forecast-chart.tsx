/**
 * Cards due on each of the next 30 study days as a bar chart. The bars are an SVG stretched to
 * the box; the axis labels are HTML so their text stays readable at any width. A table gives the
 * same numbers in text.
 */
import type { DayCount } from '@/lib/stats';
import { formatDay, formatShortDay, plural } from './format';

const BAR = 10;
const HEIGHT = 100;

export function ForecastChart({ days }: { days: DayCount[] }) {
  const max = Math.max(1, ...days.map((d) => d.count));
  const total = days.reduce((sum, d) => sum + d.count, 0);
  const today = days[0]?.count ?? 0;
  const week = days.slice(0, 7).reduce((sum, d) => sum + d.count, 0);
  const width = days.length * BAR;
  const summary = `${plural(today, 'card')} due today, ${plural(week, 'card')} in the next 7 days, ${plural(total, 'card')} in the next ${days.length} days.`;
  // A label every week, none so close to the right edge that it would stick out.
  const ticks = days.map((d, i) => ({ i, day: d.day })).filter(({ i }) => i % 7 === 0 && i <= days.length - 4);

  return (
    <figure className="forecast">
      <div className="forecast-plot">
        <span className="forecast-max small muted" aria-hidden="true">
          {max}
        </span>
        <svg viewBox={`0 0 ${width} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-labelledby="forecast-summary" data-testid="forecast">
          <line x1={0} x2={width} y1={0.5} y2={0.5} className="chart-grid" vectorEffect="non-scaling-stroke" />
          <line x1={0} x2={width} y1={HEIGHT / 2} y2={HEIGHT / 2} className="chart-grid" vectorEffect="non-scaling-stroke" />
          {days.map((d, i) => {
            const h = d.count === 0 ? 0 : Math.max(1.5, (d.count / max) * HEIGHT);
            return (
              <rect key={d.day} x={i * BAR + 1.5} y={HEIGHT - h} width={BAR - 3} height={h} className={i === 0 ? 'bar bar-today' : 'bar'}>
                <title>{`${formatDay(d.day)}: ${plural(d.count, 'card')} due`}</title>
              </rect>
            );
          })}
        </svg>
      </div>
      <div className="forecast-axis small muted" aria-hidden="true">
        {ticks.map(({ i, day }) => (
          <span key={day} style={{ left: `${((i * BAR + BAR / 2) / width) * 100}%` }}>
            {i === 0 ? 'Today' : formatShortDay(day)}
          </span>
        ))}
      </div>
      <figcaption id="forecast-summary" className="small muted">
        {summary} Today includes overdue cards.
      </figcaption>
      <details className="chart-table">
        <summary>Forecast as a table</summary>
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">Cards due per study day</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Cards due</th>
              </tr>
            </thead>
            <tbody>
              {days.map((d, i) => (
                <tr key={d.day}>
                  <th scope="row">{i === 0 ? `Today (${formatDay(d.day)})` : formatDay(d.day)}</th>
                  <td>{d.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
