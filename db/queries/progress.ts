/**
 * A learner's own progress page data: activity (reviews per study day, streaks, true retention,
 * study time) through progress-activity.ts and mastery, forecast and hardest cards through
 * progress-cards.ts. Built for long histories: the log is read once, summed per study day in
 * SQL, and card states are counted in SQL; only what the page shows reaches JS.
 * On the engine (db/engine): the same SQL on SQLite and PostgreSQL.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { engine } from '@/db/engine';
import { int } from '@/db/engine/rows';
import { cardStates } from '@/db/schema';
import type { DayCount, RetentionResult } from '@/lib/stats';
import { addDays, studyDayKey } from '@/lib/time/study-day';
import { activityFor } from './progress-activity';
import { forecastFor, hardestCardsFor, masteryFor, visibleDecksFor, type DeckMastery, type HardCard } from './progress-cards';
import { studySettingsFor, type StudySettings } from './settings';

export const HEATMAP_WEEKS = 26;
export const FORECAST_DAYS = 30;

export interface ProgressOverview {
  todayKey: string;
  totalReviews: number;
  reviewsToday: number;
  streak: { current: number; longest: number };
  retention: { last7: RetentionResult; last30: RetentionResult };
  studyTime: { todayMs: number; last7Ms: number; totalMs: number };
  /** Reviews per study day, HEATMAP_WEEKS whole weeks starting on a Monday and ending today. */
  heatmap: DayCount[];
  forecast: DayCount[];
  decks: DeckMastery[];
  hardest: HardCard[];
  /** Cards flagged as leeches or suspended (what /progress/leeches lists). */
  flaggedCount: number;
}

const countRow = z.object({ n: int });

/** Cards flagged as leeches or suspended. */
async function flaggedCount(userId: number): Promise<number> {
  const db = await engine();
  const yes = db.fragments.bool(true);
  const row = await db.get(
    sql`SELECT count(*) AS "n" FROM ${cardStates} WHERE ${cardStates.userId} = ${userId} AND (${cardStates.leech} = ${yes} OR ${cardStates.suspended} = ${yes})`,
    countRow,
  );
  return row?.n ?? 0;
}

/** Monday of the week containing `key` (day keys are calendar dates, so UTC weekday is the local one). */
export function mondayOf(key: string): string {
  const weekday = new Date(`${key}T00:00:00Z`).getUTCDay();
  return addDays(key, -((weekday + 6) % 7));
}

/** Everything /progress shows for this user at `now`. */
export async function progressFor(userId: number, now: Date, given?: StudySettings): Promise<ProgressOverview> {
  const settings = given ?? (await studySettingsFor(userId));
  const todayKey = studyDayKey(now, settings.timeZone, settings.rolloverHour);
  const heatmapFrom = addDays(mondayOf(todayKey), -7 * (HEATMAP_WEEKS - 1));
  const decks = await visibleDecksFor(userId);
  const deckIds = decks.map((d) => d.id);
  // One after the other: on SQLite the engine runs them in turn anyway, and on PostgreSQL a page
  // should not take several pooled connections at once.
  const activity = await activityFor(userId, todayKey, settings, heatmapFrom);
  const forecast = await forecastFor(userId, deckIds, now, settings, FORECAST_DAYS);
  const mastery = await masteryFor(userId, decks, now, settings);
  const hardest = await hardestCardsFor(userId, deckIds);
  return {
    todayKey,
    totalReviews: activity.totalReviews,
    reviewsToday: activity.reviewsToday,
    streak: activity.streak,
    retention: activity.retention,
    studyTime: activity.studyTime,
    heatmap: activity.heatmap,
    forecast,
    decks: mastery,
    hardest,
    flaggedCount: await flaggedCount(userId),
  };
}
