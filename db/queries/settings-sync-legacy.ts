/**
 * ENGINE-MERGE: delete this file at merge. A synchronous read of a user's study settings for the
 * modules of OTHER groups of issue 18 that are still synchronous on this branch (study.ts,
 * progress.ts, fsrs-report.ts, fsrs-history.ts, fsrs-parameters.ts, fsrs-rebuild.ts, quizzes.ts
 * outside its answer): each call becomes `await studySettingsFor(userId)` (settings.ts) when its
 * module moves onto the engine. Same row, same decoding, same defaults as settings.ts.
 */
import 'server-only';
import { db } from '@/db';
import { userSettings } from '@/db/schema';
import { eq, sql } from 'drizzle-orm';
import { toStudySettings, STUDY_DEFAULTS, type StudySettings } from './settings';

const byUser = db.select().from(userSettings).where(eq(userSettings.userId, sql.placeholder('userId'))).prepare();

export function studySettingsForSync(userId: number): StudySettings {
  return toStudySettings(byUser.get({ userId }) ?? STUDY_DEFAULTS);
}
