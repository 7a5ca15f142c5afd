/** A user's study settings: read in the shapes the scheduler and the queue builder take, saved from /settings. */
import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { bare } from '@/db/engine/fragments';
import { flag, int, jsonText } from '@/db/engine/rows';
import type { Prepared, Queryable } from '@/db/engine/types';
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

/** The settings of a user who never saved any. */
export const STUDY_DEFAULTS: Omit<UserSettings, 'userId'> = {
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

const settingsRow = z.object({
  desiredRetention: z.number(),
  newPerDay: int,
  reviewsPerDay: int,
  timeZone: z.string(),
  rolloverHour: int,
  passFail: flag,
  maximumInterval: int,
  leechThreshold: int,
  quizFeedback: z.enum(['immediate', 'end']),
  fsrsWeights: jsonText(z.array(z.number())).nullable(),
  fsrsSource: z.enum(['default', 'deck', 'class', 'personal']),
  fsrsFitId: int.nullable(),
});

// Read on every grade and every page of a session: one prepared statement per engine kind.
const byUser = new WeakMap<Queryable['fragments'], ReturnType<typeof byUserQuery>>();
function byUserQuery(q: Queryable) {
  const s = userSettings;
  return sql`SELECT ${s.desiredRetention} AS "desiredRetention", ${s.newPerDay} AS "newPerDay", ${s.reviewsPerDay} AS "reviewsPerDay",
      ${s.timeZone} AS "timeZone", ${s.rolloverHour} AS "rolloverHour", ${s.passFail} AS "passFail", ${s.maximumInterval} AS "maximumInterval",
      ${s.leechThreshold} AS "leechThreshold", ${s.quizFeedback} AS "quizFeedback", ${q.fragments.jsonText(s.fsrsWeights)} AS "fsrsWeights",
      ${s.fsrsSource} AS "fsrsSource", ${s.fsrsFitId} AS "fsrsFitId"
    FROM ${s} WHERE ${s.userId} = ${sql.placeholder('userId')}`;
}

/** The study settings of this user, read through `q` (inside the caller's transaction); defaults if the row is missing. */
export async function studySettingsIn(q: Queryable, userId: number): Promise<StudySettings> {
  let query = byUser.get(q.fragments);
  if (!query) byUser.set(q.fragments, (query = byUserQuery(q)));
  const statement: Prepared<{ userId: number }, z.infer<typeof settingsRow>> = q.prepare(query, settingsRow);
  return toStudySettings((await statement.get({ userId })) ?? STUDY_DEFAULTS);
}

/** The study settings of this user (defaults if the row is missing). */
export async function studySettingsFor(userId: number): Promise<StudySettings> {
  return studySettingsIn(await engine(), userId);
}

export type EditableStudySettings = Omit<UserSettings, 'userId' | 'fsrsWeights' | 'fsrsSource' | 'fsrsFitId'>;

/** Saves every editable setting of this user in one statement (all or nothing); personal FSRS weights are kept. */
export async function saveStudySettings(userId: number, values: EditableStudySettings): Promise<void> {
  const db = await engine();
  const s = userSettings;
  const columns = [s.desiredRetention, s.newPerDay, s.reviewsPerDay, s.timeZone, s.rolloverHour, s.passFail, s.maximumInterval, s.leechThreshold, s.quizFeedback];
  const updates = sql.join(
    columns.map((c) => sql`${bare(c)} = excluded.${bare(c)}`),
    sql`, `,
  );
  await db.run(sql`INSERT INTO ${s} (${bare(s.userId)}, ${sql.join(columns.map(bare), sql`, `)})
    VALUES (${userId}, ${values.desiredRetention}, ${values.newPerDay}, ${values.reviewsPerDay}, ${values.timeZone}, ${values.rolloverHour},
            ${db.fragments.bool(values.passFail)}, ${values.maximumInterval}, ${values.leechThreshold}, ${values.quizFeedback})
    ON CONFLICT (${bare(s.userId)}) DO UPDATE SET ${updates}`);
}
