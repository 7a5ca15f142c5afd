/** A deck's study notes, section by section, for a user allowed to study the deck. */
import 'server-only';
import { db } from '@/db';
import { DECK_VISIBLE_SQL } from './access';

export interface DeckNotes {
  deck: { id: string; title: string; author: string | null; publisher: string | null; published: string | null; sourceUrl: string | null; description: string; context: string | null };
  sections: { key: string; title: string; notes: string; cards: number }[];
}

const deckStmt = db.$client.prepare<{ userId: number; deckId: string }, DeckNotes['deck']>(`
  SELECT d.id, d.title, d.author, d.publisher, d.published, d.source_url AS sourceUrl, d.description, d.context
  FROM decks d WHERE d.id = @deckId AND ${DECK_VISIBLE_SQL}
`);
const sectionsStmt = db.$client.prepare<{ deckId: string }, DeckNotes['sections'][number]>(`
  SELECT s.key, s.title, s.notes, (SELECT count(*) FROM cards c WHERE c.section_id = s.id AND c.retired_at IS NULL) AS cards
  FROM sections s WHERE s.deck_id = @deckId ORDER BY s.position
`);

export function deckNotesFor(userId: number, deckId: string): DeckNotes | null {
  const deck = deckStmt.get({ userId, deckId });
  return deck ? { deck, sections: sectionsStmt.all({ deckId }) } : null;
}
