/**
 * Builds today's study queue from a learner's cards: learning/relearning cards,
 * due reviews (most-forgotten first, capped by the daily review limit) and new
 * cards (teacher-priority first, then course order, capped by the new limit).
 *
 * Rules:
 * - Suspended cards never appear.
 * - Retired cards (content withdrawn from the course) are hidden from NEW study
 *   only. A retired card the learner has already studied keeps its learning and
 *   review schedule, so existing memories are not dropped silently.
 * - Learning cards are not capped by any limit (as in Anki) and are listed even
 *   if due later today; the review session (lib/review/session.ts `nextCard`)
 *   shows one once it is due, or up to `LEARN_AHEAD_MS` early when nothing else is left.
 */
import { retrievability } from './scheduler';
import { DEFAULT_SCHEDULER_SETTINGS, type CardState, type SchedulerSettings } from './types';

export const DEFAULT_NEW_PER_DAY = 20;
export const DEFAULT_REVIEWS_PER_DAY = 200;

export interface QueueCard {
  cardId: number;
  itemId: string;
  /** Course order (deck → section → item), ascending. */
  position: number;
  state: CardState | null;
  suspended: boolean;
  retired: boolean;
  /** Optional precomputed retrievability; otherwise computed at `now`. */
  stateRetrievability?: number;
}

export interface QueueInput {
  now: Date;
  cards: readonly QueueCard[];
  settings?: { newPerDay?: number; reviewsPerDay?: number };
  doneToday: { newCount: number; reviewCount: number };
  /** End of the current study day (`studyDayBounds(...).end`). */
  dayEnd: Date;
  /** Items a teacher has assigned: their new cards come first. */
  priorityItemIds?: ReadonlySet<string>;
  /** Used only to compute retrievability for review ordering. */
  schedulerSettings?: SchedulerSettings;
}

export interface StudyQueue {
  learning: QueueCard[];
  review: QueueCard[];
  new: QueueCard[];
  counts: { learning: number; review: number; new: number };
}

const isNew = (c: QueueCard): boolean => c.state === null || c.state.state === 0;
const dueMs = (c: QueueCard): number => c.state?.due.getTime() ?? 0;

function remaining(limit: number | undefined, fallback: number, done: number): number {
  const l = limit ?? fallback;
  return Math.max(0, Math.floor(l) - Math.max(0, done));
}

/**
 * Build the queue for the study day ending at `dayEnd`.
 * @example
 * const { end } = studyDayBounds(now, 'Europe/Berlin', 4);
 * buildQueue({ now, cards, doneToday: { newCount: 0, reviewCount: 0 }, dayEnd: end }).counts
 * // { learning: 1, review: 12, new: 20 }
 */
export function buildQueue(input: QueueInput): StudyQueue {
  const { now, dayEnd, cards } = input;
  const endMs = dayEnd.getTime();
  const sched = input.schedulerSettings ?? { ...DEFAULT_SCHEDULER_SETTINGS, enableFuzz: false };
  const priority = input.priorityItemIds ?? new Set<string>();

  const learning: QueueCard[] = [];
  const reviews: { card: QueueCard; r: number }[] = [];
  const fresh: QueueCard[] = [];

  for (const card of cards) {
    if (card.suspended) continue;
    if (isNew(card)) {
      if (!card.retired) fresh.push(card);
      continue;
    }
    const s = card.state;
    if (!s || s.due.getTime() >= endMs) continue;
    if (s.state === 1 || s.state === 3) learning.push(card);
    else reviews.push({ card, r: card.stateRetrievability ?? retrievability(s, now, sched) });
  }

  learning.sort((a, b) => dueMs(a) - dueMs(b) || a.cardId - b.cardId);
  reviews.sort(
    (a, b) =>
      a.r - b.r ||
      dueMs(a.card) - dueMs(b.card) ||
      a.card.position - b.card.position ||
      a.card.cardId - b.card.cardId,
  );
  fresh.sort((a, b) => {
    const pa = priority.has(a.itemId) ? 0 : 1;
    const pb = priority.has(b.itemId) ? 0 : 1;
    return pa - pb || a.position - b.position || a.cardId - b.cardId;
  });

  const review = reviews
    .slice(0, remaining(input.settings?.reviewsPerDay, DEFAULT_REVIEWS_PER_DAY, input.doneToday.reviewCount))
    .map((x) => x.card);
  const newCards = fresh.slice(0, remaining(input.settings?.newPerDay, DEFAULT_NEW_PER_DAY, input.doneToday.newCount));

  return {
    learning,
    review,
    new: newCards,
    counts: { learning: learning.length, review: review.length, new: newCards.length },
  };
}
