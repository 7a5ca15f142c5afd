/**
 * Public API of the statistics module: pure functions over plain arrays.
 */
export type { StatsReviewLog, DayCount } from './types';
export { trueRetention, type RetentionResult } from './retention';
export { reviewsPerDay } from './heatmap';
export { dueForecast } from './forecast';
export { currentStreak, longestStreak } from './streak';
export { masteredRatioBand, masteryCounts, type MasteryCounts } from './mastery';
export { ANSWER_TIME_CAP_MS, cappedDuration, studyTimeMs } from './study-time';
export { hardestCards, type HardnessRow } from './hardest';
export { OPEN_END, studyDayRanges, summarizeActivity, type ActivitySummary, type DayTotals } from './activity';
