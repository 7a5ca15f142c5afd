/**
 * Input row types shared by the statistics functions. The db layer fetches
 * these as plain arrays; every stats function is pure.
 */

/** One graded review as stored in the review log. */
export interface StatsReviewLog {
  cardId: number;
  reviewedAt: Date;
  grade: 1 | 2 | 3 | 4;
  /** Card state before this review: 0 New, 1 Learning, 2 Review, 3 Relearning. */
  stateBefore: 0 | 1 | 2 | 3;
  durationMs: number;
  source: 'review' | 'quiz';
}

/** A calendar bucket: study-day key and a count. */
export interface DayCount {
  day: string;
  count: number;
}
