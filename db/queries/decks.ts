/**
 * Decks as one user sees them: which they may study and how many cards wait for them.
 */
import 'server-only';
import { db } from '@/db';
import { DECK_VISIBLE_SQL } from './access';
import type { SessionUser } from '@/lib/auth/session-user';

export interface VisibleDeck {
  id: string;
  title: string;
  author: string | null;
  description: string;
}

// Card counts come with the queue counts (queueCountsByDeck in study.ts): one pass over the cards.
const visibleDecks = db.$client.prepare<{ userId: number }, VisibleDeck>(`
  SELECT d.id, d.title, d.author, d.description FROM decks d WHERE ${DECK_VISIBLE_SQL} ORDER BY d.position, d.title
`);

/** The decks this user may study, in display order. */
export function visibleDecksForUser(user: SessionUser): VisibleDeck[] {
  return visibleDecks.all({ userId: user.id });
}
