/** A user's study settings, in the shapes the scheduler and the queue builder take. */
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
