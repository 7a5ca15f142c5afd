/**
 * A learner's own progress page data: activity (reviews per study day, streaks, true retention,
 * study time) and, through progress-cards.ts, mastery, forecast and hardest cards.
 * Built for long histories: the whole log is read once as a single integer column and bucketed
 * into study days in JS (time zones and the rollover hour make SQL date grouping wrong around
 * DST), the detailed columns are read only for the last 30 days, totals are summed in SQL.
 * Undone reviews never count.
 */
import 'server-only';
import { db } from '@/db';
import { ANSWER_TIME_CAP_MS, currentStreak, longestStreak, reviewsPerDay, studyTimeMs, trueRetention, type DayCount, type RetentionResult, type StatsReviewLog } from '@/lib/stats';
import { addDays, studyDayKey, studyDayStart } from '@/lib/time/study-day';
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

// A range of the (user_id, reviewed_at) index; one integer per review.
const reviewTimes = db.$client
  .prepare<{ userId: number }, number>('SELECT reviewed_at FROM review_logs WHERE user_id = @userId AND undone_at IS NULL')
  .pluck();

const recentLogs = db.$client.prepare<{ userId: number; from: number }, { cardId: number; reviewedAt: number; rating: number; stateBefore: number; durationMs: number; source: 'review' | 'quiz' }>(`
  SELECT card_id AS cardId, reviewed_at AS reviewedAt, rating, state_before AS stateBefore, duration_ms AS durationMs, source
  FROM review_logs WHERE user_id = @userId AND reviewed_at >= @from AND undone_at IS NULL
`);

// Same cap as studyTimeMs (lib/stats), applied in SQL so the whole history is never sent to JS.
const totals = db.$client.prepare<{ userId: number; cap: number }, { reviews: number; timeMs: number }>(`
  SELECT count(*) AS reviews, coalesce(sum(min(max(duration_ms, 0), @cap)), 0) AS timeMs
  FROM review_logs WHERE user_id = @userId AND undone_at IS NULL
`);

const flagged = db.$client
  .prepare<{ userId: number }, number>('SELECT count(*) FROM card_states WHERE user_id = @userId AND (leech = 1 OR suspended = 1)')
  .pluck();

/** Monday of the week containing `key` (day keys are calendar dates, so UTC weekday is the local one). */
export function mondayOf(key: string): string {
  const weekday = new Date(`${key}T00:00:00Z`).getUTCDay();
  return addDays(key, -((weekday + 6) % 7));
}

function activity(userId: number, todayKey: string, settings: StudySettings) {
  const { timeZone, rolloverHour } = settings;
  const heatmapFrom = addDays(mondayOf(todayKey), -7 * (HEATMAP_WEEKS - 1));
  const times = reviewTimes.all({ userId });
  let earliest = Infinity;
  for (const t of times) if (t < earliest) earliest = t;
  const firstKey = times.length > 0 ? studyDayKey(new Date(earliest), timeZone, rolloverHour) : heatmapFrom;
  const from = firstKey < heatmapFrom ? firstKey : heatmapFrom;
  const perDay = reviewsPerDay(times.map((t) => ({ reviewedAt: new Date(t) })), timeZone, rolloverHour, from, todayKey);
  const activeDays = perDay.filter((d) => d.count > 0).map((d) => d.day);
  return {
    heatmap: perDay.filter((d) => d.day >= heatmapFrom),
    reviewsToday: perDay.at(-1)?.count ?? 0,
    streak: { current: currentStreak(activeDays, todayKey), longest: longestStreak(activeDays) },
  };
}

function recentStats(userId: number, todayKey: string, settings: StudySettings) {
  const start = (key: string) => studyDayStart(key, settings.timeZone, settings.rolloverHour);
  const from30 = start(addDays(todayKey, -29));
  const from7 = start(addDays(todayKey, -6));
  const today = start(todayKey);
  const end = start(addDays(todayKey, 1));
  const logs: StatsReviewLog[] = recentLogs.all({ userId, from: from30.getTime() }).map((r) => ({
    cardId: r.cardId,
    reviewedAt: new Date(r.reviewedAt),
    grade: r.rating as StatsReviewLog['grade'],
    stateBefore: r.stateBefore as StatsReviewLog['stateBefore'],
    durationMs: r.durationMs,
    source: r.source,
  }));
  return {
    retention: { last7: trueRetention(logs, from7, end), last30: trueRetention(logs, from30, end) },
    todayMs: studyTimeMs(logs, today, end),
    last7Ms: studyTimeMs(logs, from7, end),
  };
}

/** Everything /progress shows for this user at `now`. */
export function progressFor(userId: number, now: Date, settings: StudySettings = studySettingsFor(userId)): ProgressOverview {
  const todayKey = studyDayKey(now, settings.timeZone, settings.rolloverHour);
  const decks = visibleDecksFor(userId);
  const deckIds = decks.map((d) => d.id);
  const act = activity(userId, todayKey, settings);
  const recent = recentStats(userId, todayKey, settings);
  const total = totals.get({ userId, cap: ANSWER_TIME_CAP_MS }) ?? { reviews: 0, timeMs: 0 };
  return {
    todayKey,
    totalReviews: total.reviews,
    reviewsToday: act.reviewsToday,
    streak: act.streak,
    retention: recent.retention,
    studyTime: { todayMs: recent.todayMs, last7Ms: recent.last7Ms, totalMs: total.timeMs },
    heatmap: act.heatmap,
    forecast: forecastFor(userId, deckIds, now, settings, FORECAST_DAYS),
    decks: masteryFor(userId, decks, now, settings),
    hardest: hardestCardsFor(userId, deckIds),
    flaggedCount: flagged.get({ userId }) ?? 0,
  };
}
