import type { Metadata } from 'next';
import { ChangePasswordForm } from '@/components/settings/change-password-form';
import { MemoryModel } from '@/components/settings/memory-model';
import { StudySettingsForm } from '@/components/settings/study-settings-form';
import { requireUser } from '@/db/queries/session';
import { memoryModelReport } from '@/db/queries/fsrs-report';
import { studySettingsFor } from '@/db/queries/settings';
import { timeZoneOptions } from '@/lib/validation/study-settings';
import { estimateWorkloadAction, fitNowAction, usePooledParametersAction } from './memory-actions';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ password?: string }> }) {
  const user = await requireUser();
  const { password } = await searchParams;
  const settings = studySettingsFor(user.id);
  const model = memoryModelReport(user.id);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Settings</h1>
          <p className="muted" style={{ margin: 0 }}>
            {user.name} · {user.email}
          </p>
        </div>
      </div>
      <div className="stack">
        <section className="card" aria-labelledby="study-heading" style={{ maxWidth: 640 }}>
          <h2 id="study-heading">Study</h2>
          <StudySettingsForm
            timeZones={timeZoneOptions(settings.timeZone)}
            initial={{
              desiredRetention: settings.scheduler.desiredRetention,
              newPerDay: settings.newPerDay,
              reviewsPerDay: settings.reviewsPerDay,
              timeZone: settings.timeZone,
              rolloverHour: settings.rolloverHour,
              passFail: settings.passFail,
              maximumInterval: settings.scheduler.maximumInterval,
              leechThreshold: settings.leechThreshold,
              quizFeedback: settings.quizFeedback,
            }}
          />
        </section>
        <section className="card" aria-labelledby="memory-heading" style={{ maxWidth: 640 }}>
          <h2 id="memory-heading">Memory model</h2>
          <MemoryModel
            view={{
              ...model,
              lastFit: model.lastFit
                ? { ...model.lastFit, fittedOn: model.lastFit.fittedAt.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: settings.timeZone }) }
                : null,
            }}
            fitNow={fitNowAction}
            usePooled={usePooledParametersAction}
            estimate={estimateWorkloadAction}
          />
        </section>
        <section className="card" aria-labelledby="password-heading" style={{ maxWidth: 640 }}>
          <h2 id="password-heading">Password</h2>
          <ChangePasswordForm changed={password === 'changed'} />
        </section>
      </div>
    </>
  );
}
