/**
 * The review session as the browser runs it: which card comes next, and what a grade does to
 * the session. Grading here uses the same FSRS code as the server, so the next card and the
 * interval labels are there at once; the server recomputes and stores the authoritative state.
 * Immutable: every step returns a new session, so undo is "go back to the previous value".
 */
import { seededPermutation } from '@/lib/quiz/shuffle';
import { scheduleReview } from '@/lib/scheduler/scheduler';
import type { CardState, Grade, SchedulerSettings } from '@/lib/scheduler/types';
import { deserializeCardState, serializeCardState } from '@/lib/scheduler/card-state-json';
import type { ReviewCard } from './types';

/** Anki shows a learning card up to 20 minutes early when nothing else is left. */
export const LEARN_AHEAD_MS = 20 * 60_000;

export interface Session {
  learning: ReviewCard[];
  review: ReviewCard[];
  fresh: ReviewCard[];
  /** Grades given in this session (a card graded twice counts twice). */
  reviewed: number;
  again: number;
  /** The distinct cards graded in this session. */
  cardIds: number[];
}

export type Next = { card: ReviewCard; from: 'learning' | 'review' | 'new' } | { waitUntil: number } | null;

/** The scheduler's one JSON pair for card states (the same one undo snapshots use). */
export { deserializeCardState as deserialize, serializeCardState as serialize };

const dueOf = (c: ReviewCard) => (c.state ? Date.parse(c.state.due) : 0);

export function startSession(cards: readonly ReviewCard[]): Session {
  return {
    learning: cards.filter((c) => c.kind === 'learning').sort((a, b) => dueOf(a) - dueOf(b)),
    review: cards.filter((c) => c.kind === 'review'),
    fresh: cards.filter((c) => c.kind === 'new'),
    reviewed: 0,
    again: 0,
    cardIds: [],
  };
}

/** Learning cards that are due come first, then reviews, then new cards; then learning cards a little early. */
export function nextCard(session: Session, nowMs: number, learnAheadMs = LEARN_AHEAD_MS): Next {
  const firstLearning = session.learning[0];
  if (firstLearning && dueOf(firstLearning) <= nowMs) return { card: firstLearning, from: 'learning' };
  if (session.review[0]) return { card: session.review[0], from: 'review' };
  if (session.fresh[0]) return { card: session.fresh[0], from: 'new' };
  if (firstLearning) return dueOf(firstLearning) - nowMs <= learnAheadMs ? { card: firstLearning, from: 'learning' } : { waitUntil: dueOf(firstLearning) };
  return null;
}

export function remainingCounts(session: Session) {
  return { learning: session.learning.length, review: session.review.length, new: session.fresh.length };
}

export interface GradeStep {
  session: Session;
  next: CardState;
}

/**
 * Applies a grade to `card` at `now`: the card leaves its list and, if it is still in (re)learning
 * with a step due before the study day ends, comes back in the learning list at that time.
 */
export function applyGrade(session: Session, card: ReviewCard, grade: Grade, now: Date, settings: SchedulerSettings, dayEnd: number): GradeStep {
  const { next } = scheduleReview(deserializeCardState(card.state), grade, now, settings);
  const without = (list: ReviewCard[]) => list.filter((c) => c.id !== card.id);
  let learning = without(session.learning);
  if ((next.state === 1 || next.state === 3) && next.due.getTime() < dayEnd) {
    learning = [...learning, { ...card, state: serializeCardState(next), kind: 'learning' as const }].sort((a, b) => dueOf(a) - dueOf(b));
  }
  return {
    next,
    session: {
      learning,
      review: without(session.review),
      fresh: without(session.fresh),
      reviewed: session.reviewed + 1,
      again: session.again + (grade === 1 ? 1 : 0),
      // A session kept on the device by an older version has no list yet.
      cardIds: (session.cardIds ?? []).includes(card.id) ? session.cardIds : [...(session.cardIds ?? []), card.id],
    },
  };
}

/**
 * Re-applies grades that are still waiting on the device to a session freshly built by the
 * server (which has not seen them yet), so a reload never shows an already graded card again.
 */
export function replayPending(session: Session, pending: readonly { cardId: number; grade: Grade; reviewedAt: number }[], settings: SchedulerSettings, dayEnd: number): Session {
  let current = session;
  for (const g of [...pending].sort((a, b) => a.reviewedAt - b.reviewedAt)) {
    const card = [...current.learning, ...current.review, ...current.fresh].find((c) => c.id === g.cardId);
    if (card) current = applyGrade(current, card, g.grade, new Date(g.reviewedAt), settings, dayEnd).session;
  }
  return current;
}

/** Removes a card from the session entirely (suspended, or buried by the student). */
export function dropCard(session: Session, cardId: number): Session {
  const keep = (list: ReviewCard[]) => list.filter((c) => c.id !== cardId);
  return { ...session, learning: keep(session.learning), review: keep(session.review), fresh: keep(session.fresh) };
}

/** Option order for a card on screen: fixed per card and review, so it doesn't move while shown. */
export function optionOrder(n: number, seed: number): number[] {
  return seededPermutation(`review:${seed}`, n);
}

/** A shuffled order of 0..n-1 that is never already solved (for ordering questions). */
export function scrambledOrder(n: number, seed: number): number[] {
  return seededPermutation(`review:${seed}`, n, true);
}
