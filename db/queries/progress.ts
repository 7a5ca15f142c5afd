/**
 * A learner's own progress page data: activity (reviews per study day, streaks, true retention,
 * study time) through progress-activity.ts and mastery, forecast and hardest cards through
 * progress-cards.ts. Built for long histories: the log is read once, summed per study day in
 * SQL, and card states are counted in SQL; only what the page shows reaches JS.
 */
import 'server-only';
import { db } from '@/db';
import type { DayCount, RetentionResult } from '@/lib/stats';
import { addDays, studyDayKey } from '@/lib/time/study-day';
import { activityFor } from './progress-activity';
import { forecastFor, hardestCardsFor, masteryFor, visibleDecksFor, type DeckMastery, type HardCard } from './progress-cards';
import type { StudySettings } from './settings';
import { studySettingsForSync } from './settings-sync-legacy'; // ENGINE-MERGE: await studySettingsFor (settings.ts)

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

const flagged = db.$client
  .prepare<{ userId: number }, number>('SELECT count(*) FROM card_states WHERE user_id = @userId AND (leech = 1 OR suspended = 1)')
  .pluck();

/** Monday of the week containing `key` (day keys are calendar dates, so UTC weekday is the local one). */
export function mondayOf(key: string): string {
  const weekday = new Date(`${key}T00:00:00Z`).getUTCDay();
  return addDays(key, -((weekday + 6) % 7));
}

/** Everything /progress shows for this user at `now`. */
export function progressFor(userId: number, now: Date, settings: StudySettings = studySettingsForSync(userId)): ProgressOverview {
  const todayKey = studyDayKey(now, settings.timeZone, settings.rolloverHour);
  const heatmapFrom = addDays(mondayOf(todayKey), -7 * (HEATMAP_WEEKS - 1));
  const decks = visibleDecksFor(userId);
  const deckIds = decks.map((d) => d.id);
  const activity = activityFor(userId, todayKey, settings, heatmapFrom);
  return {
    todayKey,
    totalReviews: activity.totalReviews,
    reviewsToday: activity.reviewsToday,
    streak: activity.streak,
    retention: activity.retention,
    studyTime: activity.studyTime,
    heatmap: activity.heatmap,
    forecast: forecastFor(userId, deckIds, now, settings, FORECAST_DAYS),
    decks: masteryFor(userId, decks, now, settings),
    hardest: hardestCardsFor(userId, deckIds),
    flaggedCount: flagged.get({ userId }) ?? 0,
  };
}
