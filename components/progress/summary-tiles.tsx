/** The headline numbers of /progress: streak, due and done today, true retention and study time. */
import type { ProgressOverview } from '@/db/queries/progress';
import type { RetentionResult } from '@/lib/stats';
import { formatDuration, formatPercent, plural } from './format';

function Tile({ label, value, detail, testId }: { label: string; value: string; detail: string; testId: string }) {
  return (
    <div className="tile" data-testid={testId}>
      <span className="tile-label">{label}</span>
      <strong className="tile-value">{value}</strong>
      <span className="tile-detail small muted">{detail}</span>
    </div>
  );
}

function retentionTile(label: string, r: RetentionResult, testId: string) {
  if (r.rate === null) return <Tile label={label} value="–" detail="Not enough reviews yet" testId={testId} />;
  return <Tile label={label} value={formatPercent(r.rate)} detail={`${r.passed.toLocaleString('en-GB')} of ${plural(r.total, 'review')} passed`} testId={testId} />;
}

export function SummaryTiles({ progress }: { progress: ProgressOverview }) {
  const { streak, studyTime } = progress;
  return (
    <section className="tiles" aria-label="Summary">
      <Tile
        label="Streak"
        value={plural(streak.current, 'day')}
        detail={streak.longest > 0 ? `Longest: ${plural(streak.longest, 'day')}` : 'Review today to start one'}
        testId="tile-streak"
      />
      <Tile
        label="Due today"
        value={(progress.forecast[0]?.count ?? 0).toLocaleString('en-GB')}
        detail={`${plural(progress.forecast.slice(0, 7).reduce((sum, d) => sum + d.count, 0), 'card')} this week`}
        testId="tile-due"
      />
      <Tile label="Reviews today" value={progress.reviewsToday.toLocaleString('en-GB')} detail={`${plural(progress.totalReviews, 'review')} in all`} testId="tile-today" />
      {retentionTile('7-day retention', progress.retention.last7, 'tile-retention-7')}
      {retentionTile('30-day retention', progress.retention.last30, 'tile-retention-30')}
      <Tile
        label="Study time today"
        value={formatDuration(studyTime.todayMs)}
        detail={`7 days: ${formatDuration(studyTime.last7Ms)} · all: ${formatDuration(studyTime.totalMs)}`}
        testId="tile-time"
      />
    </section>
  );
}
