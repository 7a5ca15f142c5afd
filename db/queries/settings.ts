/** A user's study settings: read in the shapes the scheduler and the queue builder take, saved from /settings. */
import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import { userSettings, type UserSettings } from '@/db/schema';
import type { SchedulerSettings } from '@/lib/scheduler';

export interface StudySettings {
  scheduler: SchedulerSettings;
  newPerDay: number;
  reviewsPerDay: number;
  timeZone: string;
  rolloverHour: number;
  passFail: boolean;
  leechThreshold: number;
  quizFeedback: 'immediate' | 'end';
}

const DEFAULTS: Omit<UserSettings, 'userId'> = {
  desiredRetention: 0.9,
  newPerDay: 20,
  reviewsPerDay: 200,
  timeZone: 'UTC',
  rolloverHour: 4,
  passFail: false,
  maximumInterval: 36500,
  leechThreshold: 8,
  quizFeedback: 'immediate',
  fsrsWeights: null,
  fsrsSource: 'default',
  fsrsFitId: null,
};

export function toStudySettings(row: Omit<UserSettings, 'userId'>): StudySettings {
  return {
    scheduler: {
      desiredRetention: row.desiredRetention,
      maximumInterval: row.maximumInterval,
      // Fuzz is seeded by ts-fsrs from the card and the review time, so replaying a log stays exact.
      enableFuzz: process.env.APP_FSRS_FUZZ !== '0',
      ...(row.fsrsWeights ? { weights: row.fsrsWeights } : {}),
    },
    newPerDay: row.newPerDay,
    reviewsPerDay: row.reviewsPerDay,
    timeZone: row.timeZone,
    rolloverHour: row.rolloverHour,
    passFail: row.passFail,
    leechThreshold: row.leechThreshold,
    quizFeedback: row.quizFeedback,
  };
}

const byUser = db.select().from(userSettings).where(eq(userSettings.userId, sql.placeholder('userId'))).prepare();

/** The study settings of this user (defaults if the row is missing). */
export function studySettingsFor(userId: number): StudySettings {
  return toStudySettings(byUser.get({ userId }) ?? DEFAULTS);
}

const saveStmt = db.$client.prepare(`
  INSERT INTO user_settings (user_id, desired_retention, new_per_day, reviews_per_day, time_zone, rollover_hour,
                             pass_fail, maximum_interval, leech_threshold, quiz_feedback)
  VALUES (@userId, @desiredRetention, @newPerDay, @reviewsPerDay, @timeZone, @rolloverHour,
          @passFail, @maximumInterval, @leechThreshold, @quizFeedback)
  ON CONFLICT (user_id) DO UPDATE SET desired_retention = excluded.desired_retention, new_per_day = excluded.new_per_day,
    reviews_per_day = excluded.reviews_per_day, time_zone = excluded.time_zone, rollover_hour = excluded.rollover_hour,
    pass_fail = excluded.pass_fail, maximum_interval = excluded.maximum_interval,
    leech_threshold = excluded.leech_threshold, quiz_feedback = excluded.quiz_feedback
`);

export type EditableStudySettings = Omit<UserSettings, 'userId' | 'fsrsWeights' | 'fsrsSource' | 'fsrsFitId'>;

/** Saves every editable setting of this user in one statement (all or nothing); personal FSRS weights are kept. */
export function saveStudySettings(userId: number, values: EditableStudySettings): void {
  saveStmt.run({ userId, ...values, passFail: values.passFail ? 1 : 0 });
}
