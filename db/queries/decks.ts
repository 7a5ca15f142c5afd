/**
 * Decks as one user sees them: which they may study and how many cards wait for them.
 */
import 'server-only';
import { db } from '@/db';
import { DECK_VISIBLE_SQL } from './access';
import type { SessionUser } from './session';

export interface DeckSummary {
  id: string;
  title: string;
  author: string | null;
  description: string;
  total: number;
  unseen: number;
  due: number;
  studied: number;
}

const summaries = db.$client.prepare<{ userId: number; dueBefore: number }, DeckSummary>(`
  SELECT d.id, d.title, d.author, d.description,
         count(c.id) AS total,
         count(c.id) - count(s.card_id) AS unseen,
         coalesce(sum(s.due <= @dueBefore AND NOT s.suspended), 0) AS due,
         count(s.card_id) AS studied
  FROM decks d
  LEFT JOIN cards c ON c.deck_id = d.id AND c.retired_at IS NULL
  LEFT JOIN card_states s ON s.card_id = c.id AND s.user_id = @userId
  WHERE ${DECK_VISIBLE_SQL}
  GROUP BY d.id
  ORDER BY d.position, d.title
`);

/** The decks this user may study, with card counts for them; due counts cards due before `dueBefore`. */
export function deckSummariesForUser(user: SessionUser, dueBefore: Date): DeckSummary[] {
  return summaries.all({ userId: user.id, dueBefore: dueBefore.getTime() });
}
