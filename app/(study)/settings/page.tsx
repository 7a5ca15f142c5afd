import type { Metadata } from 'next';
import { ChangePasswordForm } from '@/components/settings/change-password-form';
import { changePasswordAction, saveStudySettingsAction } from '@/app/(study)/settings/actions';
import { SessionList, type SessionItem } from '@/components/settings/session-list';
import { MemoryModel } from '@/components/settings/memory-model';
import { StudySettingsForm } from '@/components/settings/study-settings-form';
import { requireUser, type SignedInUser } from '@/app/_lib/session';
import { sessionsOf } from '@/db/queries/sessions';
import { memoryModelReport } from '@/db/queries/fsrs-report';
import { studySettingsFor } from '@/db/queries/settings';
import { describeWhen } from '@/lib/auth/session-times';
import { timeZoneOptions } from '@/lib/validation/study-settings';
import { endSessionAction, signOutEverywhereAction } from './session-actions';
import { AccountSections } from './account-sections';
import { estimateWorkloadAction, fitNowAction, usePooledParametersAction } from './memory-actions';

export const metadata: Metadata = { title: 'Settings' };

/** The user's open sessions as the list shows them (real time, like the sessions' own expiry). */
async function signedInDevices(user: SignedInUser, timeZone: string): Promise<SessionItem[]> {
  const nowMs = Date.now();
  return (await sessionsOf(user.id, nowMs)).map((s) => ({
    id: s.id,
    device: s.userAgent || 'Unknown browser',
    lastSeen: describeWhen(s.lastSeenAt, nowMs, timeZone),
    signedIn: describeWhen(s.createdAt, nowMs, timeZone),
    current: s.id === user.sessionId,
  }));
}

export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ password?: string }> }) {
  const user = await requireUser();
  const { password } = await searchParams;
  const settings = await studySettingsFor(user.id);
  const sessions = await signedInDevices(user, settings.timeZone);
  const model = await memoryModelReport(user.id);
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
            save={saveStudySettingsAction}
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
          <ChangePasswordForm changePassword={changePasswordAction} changed={password === 'changed'} />
        </section>
        <section className="card" aria-labelledby="sessions-heading" style={{ maxWidth: 640 }}>
          <h2 id="sessions-heading">Signed-in devices</h2>
          <p className="muted small">Each browser where you are signed in. Signing one out ends its session at once.</p>
          <SessionList sessions={sessions} endSession={endSessionAction} endAll={signOutEverywhereAction} />
        </section>
        <AccountSections userId={user.id} />
      </div>
    </>
  );
}
