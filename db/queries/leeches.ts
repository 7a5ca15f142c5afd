/**
 * A learner's leeches and suspended cards, and the two ways out of that list.
 * Unsuspending keeps the leech flag on purpose: the card stays listed as a leech (a card worth
 * rewriting or reading up on) until the learner clears the flag, and recordReview suspends it
 * again at the next leech mark (threshold, then every half-threshold lapses, as in Anki).
 * Every statement is scoped to the asking user's own card_states rows.
 */
import 'server-only';
import { db } from '@/db';

export interface FlaggedCard {
  cardId: number;
  prompt: string;
  deckId: string;
  sectionKey: string;
  sectionTitle: string;
  lapses: number;
  leech: boolean;
  suspended: boolean;
}

const flaggedRows = db.$client.prepare<{ userId: number }, Omit<FlaggedCard, 'leech' | 'suspended'> & { leech: number; suspended: number }>(`
  SELECT s.card_id AS cardId, c.prompt, c.deck_id AS deckId, sec.key AS sectionKey, sec.title AS sectionTitle,
         s.lapses, s.leech, s.suspended
  FROM card_states s JOIN cards c ON c.id = s.card_id JOIN sections sec ON sec.id = c.section_id
  WHERE s.user_id = @userId AND (s.leech = 1 OR s.suspended = 1)
  ORDER BY s.suspended DESC, s.lapses DESC, c.deck_id, c.position
`);

const unsuspendStmt = db.$client.prepare<{ userId: number; cardId: number; now: number }>(
  'UPDATE card_states SET suspended = 0, updated_at = @now WHERE user_id = @userId AND card_id = @cardId AND suspended = 1',
);

const clearLeechStmt = db.$client.prepare<{ userId: number; cardId: number; now: number }>(
  'UPDATE card_states SET leech = 0, updated_at = @now WHERE user_id = @userId AND card_id = @cardId AND leech = 1',
);

/** This user's cards flagged as leeches or suspended: suspended first, then by lapses. */
export function flaggedCardsFor(userId: number): FlaggedCard[] {
  return flaggedRows.all({ userId }).map((r) => ({ ...r, leech: r.leech === 1, suspended: r.suspended === 1 }));
}

/** Lets a suspended card come back in reviews. False if this user has no such suspended card. */
export function unsuspendCard(userId: number, cardId: number, now: Date): boolean {
  return unsuspendStmt.run({ userId, cardId, now: now.getTime() }).changes === 1;
}

/** Removes the leech flag (the card leaves the list once it is not suspended either). */
export function clearLeechFlag(userId: number, cardId: number, now: Date): boolean {
  return clearLeechStmt.run({ userId, cardId, now: now.getTime() }).changes === 1;
}
