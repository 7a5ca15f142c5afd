/**
 * A simulated learner for optimiser tests: memory follows FSRS with KNOWN weights (the
 * learner's truth), while the cards are scheduled with other weights (what the app uses before it
 * fits anything), as in real use. Each review's outcome is drawn from the true recall
 * probability; ratings are noisy (Hard and Easy now and then). Seeded, so runs are repeatable.
 */
import { createEmptyCard, default_w, forgetting_curve, fsrs, type Card, type Grade as FsrsGrade } from 'ts-fsrs';
import type { FitReview } from '@/lib/scheduler/fit';
import type { Grade } from '@/lib/scheduler';
import { mulberry32 } from '@/lib/random';

const DAY_MS = 86_400_000;

export { mulberry32 } from '@/lib/random';

/** A learner who forgets faster than the defaults assume and finds Good answers more durable. */
export const LEARNER_WEIGHTS: readonly number[] = (() => {
  const w = [...default_w];
  w[0] = 0.8; // initial stability after Again
  w[1] = 1.6; // … after Hard
  w[2] = 7.5; // … after Good
  w[3] = 25; // … after Easy
  w[8] = 1.1; // stability growth on success
  w[20] = 0.3; // forgetting-curve decay
  return w;
})();

export interface SimulationOptions {
  cards: number;
  days: number;
  seed: number;
  /** Weights that shape the learner's memory. */
  trueWeights?: readonly number[];
  /** Weights the app schedules with (default: ts-fsrs defaults). */
  scheduleWeights?: readonly number[];
  start?: Date;
}

/** Reviews at day granularity (one review per card per due day, at 10:00 UTC), oldest first. */
export function simulateLearner(options: SimulationOptions): FitReview[] {
  const rnd = mulberry32(options.seed);
  const trueW = options.trueWeights ?? LEARNER_WEIGHTS;
  const truth = fsrs({ w: [...trueW], enable_fuzz: false, enable_short_term: false });
  const app = fsrs({ w: [...(options.scheduleWeights ?? default_w)], enable_fuzz: false, enable_short_term: false });
  const start = (options.start ?? new Date('2026-01-05T10:00:00Z')).getTime();
  const reviews: FitReview[] = [];
  for (let cardId = 1; cardId <= options.cards; cardId++) {
    // New cards arrive over the first half of the period, as a course goes.
    let day = Math.floor(rnd() * (options.days / 2));
    let trueCard: Card = createEmptyCard(new Date(start + day * DAY_MS));
    let appCard: Card = createEmptyCard(new Date(start + day * DAY_MS));
    let lastDay = -1;
    while (day < options.days) {
      let rating: Grade;
      if (lastDay < 0) rating = rnd() < 0.25 ? 1 : rnd() < 0.1 ? 4 : 3;
      else {
        const p = forgetting_curve([...trueW], day - lastDay, trueCard.stability);
        rating = rnd() < p ? (rnd() < 0.1 ? 2 : rnd() < 0.08 ? 4 : 3) : 1;
      }
      const at = new Date(start + day * DAY_MS);
      reviews.push({ cardId, reviewedAt: at.getTime(), rating });
      trueCard = truth.next(trueCard, at, rating as FsrsGrade).card;
      appCard = app.next(appCard, at, rating as FsrsGrade).card;
      lastDay = day;
      day = Math.max(day + 1, Math.round((appCard.due.getTime() - start) / DAY_MS));
    }
  }
  return reviews.sort((a, b) => a.reviewedAt - b.reviewedAt);
}

/** Study-day numbering for simulated reviews (UTC days). */
export const utcDay = (ms: number): number => Math.floor(ms / DAY_MS);
