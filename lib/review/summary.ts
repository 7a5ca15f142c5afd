/** The words at the end of a review session: cards and reviews counted apart (a card graded twice is one card, two reviews). */
import { plural } from '@/lib/text/plural';
import type { Session } from './session';

/**
 * @example sessionSummary({ reviewed: 2, again: 1, cardIds: [7] }) // 'You reviewed 1 card (2 reviews) in this session. 1 review graded Again.'
 */
export function sessionSummary(session: Pick<Session, 'reviewed' | 'again' | 'cardIds'>): string {
  const cards = (session.cardIds ?? []).length;
  const reviews = session.reviewed;
  const counted = cards === reviews ? plural(cards, 'card') : `${plural(cards, 'card')} (${plural(reviews, 'review')})`;
  const again = session.again > 0 ? ` ${plural(session.again, 'review')} graded Again.` : '';
  return `You reviewed ${counted} in this session.${again}`;
}

/** What a screen reader hears after a grade: "Graded Good. 1 card left." */
export function gradedMessage(gradeName: string, cardsLeft: number): string {
  return `Graded ${gradeName}. ${plural(cardsLeft, 'card')} left.`;
}
