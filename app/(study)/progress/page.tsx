import type { Metadata } from 'next';
import Link from 'next/link';
import { ActivityHeatmap } from '@/components/progress/activity-heatmap';
import { ForecastChart } from '@/components/progress/forecast-chart';
import { plural } from '@/components/progress/format';
import { HardestCards } from '@/components/progress/hardest-cards';
import { MasteryBars, MasteryLegend } from '@/components/progress/mastery-bars';
import { SummaryTiles } from '@/components/progress/summary-tiles';
import { progressFor } from '@/db/queries/progress';
import { requireUser } from '@/app/_lib/session';
import { studySettingsFor } from '@/db/queries/settings';
import { now } from '@/lib/clock';
import '@/components/progress/progress.css';

export const metadata: Metadata = { title: 'Progress' };

export default async function ProgressPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const settings = await studySettingsFor(user.id);
  const progress = await progressFor(user.id, now(), settings);
  const { sections } = await searchParams;
  const hour = `${String(settings.rolloverHour).padStart(2, '0')}:00`;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Your progress</h1>
          <p className="muted small" style={{ margin: 0 }}>
            Days start at {hour}, {settings.timeZone.replaceAll('_', ' ')} time. <Link href="/settings">Change</Link>
          </p>
        </div>
        {/* A plain link: the CSV comes from a route handler, not a page to prefetch. */}
        <a className="btn" href="/progress/export" download data-testid="export-csv">
          Download review history (CSV)
        </a>
      </div>

      <div className="stack progress-stack">
        {progress.totalReviews === 0 && (
          <section className="card empty" data-testid="progress-empty">
            <h2>No reviews yet</h2>
            <p className="muted">Your streak, retention, activity calendar and forecast appear here after your first review.</p>
            <Link className="btn btn-primary" href="/today">
              Start studying
            </Link>
          </section>
        )}

        <SummaryTiles progress={progress} />

        {progress.totalReviews > 0 && (
          <>
            <section className="card" aria-labelledby="activity-heading">
              <h2 id="activity-heading">Activity</h2>
              <ActivityHeatmap days={progress.heatmap} todayKey={progress.todayKey} />
            </section>
            <section className="card" aria-labelledby="forecast-heading">
              <h2 id="forecast-heading">Due in the next 30 days</h2>
              <ForecastChart days={progress.forecast} />
            </section>
          </>
        )}

        <section className="card" aria-labelledby="mastery-heading">
          <h2 id="mastery-heading">Mastery</h2>
          <p className="small muted">Mastered: in long-term review and at least 90% likely to be recalled right now.</p>
          <MasteryLegend />
          {progress.decks.length === 0 ? <p className="muted">No decks to study yet.</p> : <MasteryBars decks={progress.decks} expanded={typeof sections === 'string' ? sections : null} />}
        </section>

        {progress.hardest.length > 0 && (
          <section className="card" aria-labelledby="hardest-heading">
            <h2 id="hardest-heading">Hardest cards</h2>
            <p className="small muted">Most lapses first, then the highest share of Again answers.</p>
            <HardestCards cards={progress.hardest} />
          </section>
        )}

        <section className="card row leech-link">
          <div>
            <h2>Leeches and suspended cards</h2>
            <p className="small muted" style={{ margin: 0 }}>
              {progress.flaggedCount === 0
                ? 'None so far. A card you keep forgetting is set aside here.'
                : `${plural(progress.flaggedCount, 'card')} set aside. Unsuspend them when you are ready.`}
            </p>
          </div>
          <Link className="btn" href="/progress/leeches">
            Leeches
          </Link>
        </section>
      </div>
    </>
  );
}
