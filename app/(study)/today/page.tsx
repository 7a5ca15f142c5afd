import type { Metadata } from 'next';
import Link from 'next/link';
import { AssignmentsPanel } from '@/components/today/assignments-panel';
import { startAssignmentQuizAction } from '@/app/(study)/quiz/actions';
import { dismissReportNoticeAction } from '@/app/(study)/reports/actions';
import { ReportNotices } from '@/components/today/report-notices';
import { handledReportsFor } from '@/db/queries/card-reports';
import '@/components/reports/reports.css';
import { visibleDecksForUser } from '@/db/queries/decks';
import { requireUser } from '@/app/_lib/session';
import { queueCountsByDeck } from '@/db/queries/study';
import { studySettingsFor } from '@/db/queries/settings';
import { assignmentsForStudent } from '@/db/queries/student-assignments';
import { now } from '@/lib/clock';
import { plural } from '@/lib/text/plural';

export const metadata: Metadata = { title: 'Today' };

export default async function TodayPage() {
  const user = await requireUser();
  const at = now();
  const settings = await studySettingsFor(user.id);
  const counts = await queueCountsByDeck(user.id, at, settings);
  const decks = (await visibleDecksForUser(user)).map((deck) => ({ deck, queue: counts.get(deck.id) }));
  const firstName = user.name.split(' ')[0];
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Hello, {firstName}</h1>
          <p className="muted" style={{ margin: 0 }}>
            Here is what is waiting for you today.
          </p>
        </div>
        {user.role === 'instructor' && (
          <Link className="btn" href="/teach">
            Teaching area
          </Link>
        )}
      </div>
      <ReportNotices reports={await handledReportsFor(user.id)} dismiss={dismissReportNoticeAction} />
      <AssignmentsPanel user={user} all={await assignmentsForStudent(user.id, at)} timeZone={settings.timeZone} now={at.getTime()} startQuiz={startAssignmentQuizAction} />
      {decks.length === 0 ? (
        <div className="card empty">
          <h2>No decks yet</h2>
          <p className="muted">When a deck is loaded or assigned to your class, it appears here.</p>
        </div>
      ) : (
        <ul className="stack" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Your decks">
          {decks.map(({ deck, queue }) => {
            const due = (queue?.learning ?? 0) + (queue?.review ?? 0);
            const fresh = queue?.new ?? 0;
            const nothing = due + fresh === 0;
            return (
              <li key={deck.id} className="card" data-testid={`deck-${deck.id}`}>
                <h2>{deck.title}</h2>
                {deck.author && <p className="muted small">by {deck.author}</p>}
                <div className="counts" aria-label={`${due} due, ${fresh} new today`}>
                  <div className="count count-due">
                    <strong data-testid="due-count">{due}</strong>
                    <span>due</span>
                  </div>
                  <div className="count count-new">
                    <strong data-testid="new-count">{fresh}</strong>
                    <span>new</span>
                  </div>
                  <div className="count">
                    <strong data-testid="studied-count">
                      {queue?.studied ?? 0}/{queue?.total ?? 0}
                    </strong>
                    <span>studied</span>
                  </div>
                </div>
                <div className="row">
                  {nothing ? (
                    <span className="badge badge-good" data-testid="all-done">
                      All done for today
                    </span>
                  ) : (
                    <Link className="btn btn-primary" href={`/review/${deck.id}`} data-testid="start-review">
                      {due > 0 ? `Review ${plural(due + fresh, 'card')}` : `Learn ${plural(fresh, 'new card')}`}
                    </Link>
                  )}
                  <Link className="btn" href={`/quiz/${deck.id}`}>
                    Quiz
                  </Link>
                  <Link className="btn" href={`/decks/${deck.id}/notes`}>
                    Notes
                  </Link>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
