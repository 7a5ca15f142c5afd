/**
 * What a desired retention costs: the expected number of reviews per day over the coming days,
 * by simulating the student's cards with their own parameters (as Anki's "workload" estimate does).
 * Each due review is remembered with the probability the parameters predict; a lapse goes through
 * relearning like a real one. Monte Carlo with a seeded generator, so one input gives one answer.
 * Same-day learning steps count as reviews and are assumed passed (they are minutes apart).
 */
import { forgetting_curve, type Card } from 'ts-fsrs';
import { toFsrsCard } from './fsrs-mapper';
import { makeScheduler } from './scheduler';
import type { CardState, SchedulerSettings } from './types';
import { mulberry32 } from '@/lib/random';

const DAY_MS = 86_400_000;

export interface WorkloadInput {
  /** The student's cards today: a state, or null for a card not studied yet. */
  cards: readonly (CardState | null)[];
  newPerDay: number;
  settings: SchedulerSettings;
  now: Date;
  days: number;
  seed?: number;
  /** Simulate at most this many cards and scale the counts (keeps a 10,000-card student fast). */
  maxCards?: number;
}

export interface Workload {
  /** Expected reviews on each of the coming days (index 0 = today). */
  perDay: number[];
  /** Mean reviews per day over the first 30 days and over all `days`. */
  mean30: number;
  meanAll: number;
}

export function simulateWorkload(input: WorkloadInput): Workload {
  const random = mulberry32(input.seed ?? 1);
  const settings: SchedulerSettings = { ...input.settings, enableFuzz: false };
  const fsrs = makeScheduler(settings);
  const w = fsrs.parameters.w;
  const maxCards = input.maxCards ?? 250;
  // An even sample of the cards, so studied and new ones keep their proportions.
  const step = Math.max(1, input.cards.length / maxCards);
  const sample: (CardState | null)[] = [];
  for (let i = 0; i < input.cards.length && sample.length < maxCards; i += step) sample.push(input.cards[Math.floor(i)] ?? null);
  const scale = sample.length === 0 ? 0 : input.cards.length / sample.length;
  const perDay = new Array<number>(input.days).fill(0);
  const start = input.now.getTime();
  const dayOf = (ms: number) => Math.floor((ms - start) / DAY_MS);

  const studied = sample.filter((s): s is CardState => s !== null && s.state !== 0);
  const fresh = sample.length - studied.length;
  // New cards in the sample are introduced at the sample's share of the daily limit.
  const newPerDay = input.newPerDay * (sample.length / Math.max(1, input.cards.length));
  let introduced = 0;
  let owed = 0;
  const queue: { card: Card; due: number }[] = studied.map((s) => ({ card: toFsrsCard(s, input.now), due: Math.max(start, s.due.getTime()) }));

  for (let day = 0; day < input.days; day++) {
    owed += newPerDay;
    while (owed >= 1 && introduced < fresh) {
      queue.push({ card: toFsrsCard(null, new Date(start + day * DAY_MS)), due: start + day * DAY_MS });
      introduced++;
      owed--;
    }
    for (const item of queue) {
      let guard = 0;
      while (dayOf(item.due) === day && guard++ < 8) {
        const at = new Date(Math.max(item.due, start + day * DAY_MS));
        let grade: 1 | 3 = 3;
        const c = item.card;
        if (c.state === 2 && c.last_review) {
          const elapsed = Math.max(0, (at.getTime() - c.last_review.getTime()) / DAY_MS);
          grade = random() < forgetting_curve(w, elapsed, c.stability) ? 3 : 1;
        }
        item.card = fsrs.next(c, at, grade).card;
        item.due = item.card.due.getTime();
        perDay[day]! += scale;
      }
      if (dayOf(item.due) < day + 1) item.due = Math.max(item.due, start + (day + 1) * DAY_MS); // past the guard: tomorrow
    }
  }
  const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
  return { perDay, mean30: mean(perDay.slice(0, 30)), meanAll: mean(perDay) };
}
